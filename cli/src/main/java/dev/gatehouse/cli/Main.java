package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "gatehouse 0.1.0",
    description = "Identity and access-control plane for Kubernetes.",
    subcommands = {ServeCommand.class, KubeconfigCommand.class, RotateServiceAccountKeyCommand.class, SelfCheckCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
