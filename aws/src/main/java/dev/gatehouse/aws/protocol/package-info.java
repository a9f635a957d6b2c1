/**
 * The AWS Query protocol of IAM (2010-05-08) and STS (2011-06-15): request parameters
 * ({@link dev.gatehouse.aws.protocol.QueryRequest}), response trees ({@link dev.gatehouse.aws.protocol.Node})
 * rendered as Query XML or its JSON variant ({@link dev.gatehouse.aws.protocol.QueryResponses}), and the common
 * errors ({@link dev.gatehouse.aws.protocol.AwsError}).
 */
package dev.gatehouse.aws.protocol;
