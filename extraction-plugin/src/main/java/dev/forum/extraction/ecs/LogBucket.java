package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.equalTo;
import static dev.forum.extraction.ecs.Cfn.findInMap;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.sub;
import static dev.forum.extraction.ecs.Cfn.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base stack's log bucket: the load balancers' access logs ({@code alb/}, {@code internal-alb/}) and the VPC's
 * flow logs ({@code flow-logs/}). Encrypted with S3-managed keys (the only encryption ALB access logs support),
 * public access blocked, objects owned by the bucket owner, TLS only, and deleted after {@value #RETENTION_DAYS}
 * days. It is kept when the stack is deleted (it is not empty then).
 */
final class LogBucket {

    static final int RETENTION_DAYS = 90;
    static final String PUBLIC_PREFIX = "alb";
    static final String INTERNAL_PREFIX = "internal-alb";

    /**
     * The Elastic Load Balancing account that writes access logs, per region (Elastic Load Balancing User Guide,
     * "Enable access logs for your Application Load Balancer", the list of regions opened before August 2022).
     * Newer regions use the service principal {@code logdelivery.elasticloadbalancing.amazonaws.com}. The commercial
     * partition only (the ARNs say {@code arn:aws}).
     */
    static final Map<String, String> ELB_ACCOUNTS = elbAccounts();

    private LogBucket() {
    }

    static void add(Stack stack, String app, Map<String, String> tag, EcsNames names) {
        Map<String, Object> accounts = new LinkedHashMap<>();
        List<Object> regions = new ArrayList<>();
        ELB_ACCOUNTS.forEach((region, account) -> {
            accounts.put(region, obj("Account", "arn:aws:iam::" + account + ":root"));
            regions.add(equalTo(ref("AWS::Region"), region));
        });
        stack.mappings.put("ElbLogDelivery", accounts);
        stack.condition("ElbAccountRegion", Cfn.or(regions));

        Map<String, Object> bucket = stack.add("LogBucket", resource("AWS::S3::Bucket", obj(
                "BucketName", names.logBucket(),
                "BucketEncryption", obj("ServerSideEncryptionConfiguration", list(obj(
                        "ServerSideEncryptionByDefault", obj("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", obj("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "OwnershipControls", obj("Rules", list(obj("ObjectOwnership", "BucketOwnerEnforced"))),
                "LifecycleConfiguration", obj("Rules", list(obj("Id", "expire-logs", "Status", "Enabled",
                        "ExpirationInDays", RETENTION_DAYS,
                        "AbortIncompleteMultipartUpload", obj("DaysAfterInitiation", 7)))),
                "Tags", tags(app + "-logs", tag))));
        bucket.put("DeletionPolicy", "Retain");
        bucket.put("UpdateReplacePolicy", "Retain");

        Object arn = getAtt("LogBucket", "Arn");
        List<Object> albLogs = list(
                join("", arn, sub("/" + PUBLIC_PREFIX + "/AWSLogs/${AWS::AccountId}/*")),
                join("", arn, sub("/" + INTERNAL_PREFIX + "/AWSLogs/${AWS::AccountId}/*")));
        Object flowLogs = join("", arn, sub("/flow-logs/AWSLogs/${AWS::AccountId}/*"));
        Map<String, Object> fromThisAccount = obj("StringEquals", obj("aws:SourceAccount", ref("AWS::AccountId")));
        stack.add("LogBucketPolicy", resource("AWS::S3::BucketPolicy", obj(
                "Bucket", ref("LogBucket"),
                "PolicyDocument", obj("Version", "2012-10-17", "Statement", list(
                        obj("Sid", "TlsOnly", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                                "Resource", list(arn, join("", arn, "/*")),
                                "Condition", obj("Bool", obj("aws:SecureTransport", "false"))),
                        obj("Sid", "AlbAccessLogsOlderRegions", "Effect", "Allow",
                                "Principal", obj("AWS", ifThen("ElbAccountRegion",
                                        findInMap("ElbLogDelivery", ref("AWS::Region"), "Account"), ref("AWS::AccountId"))),
                                "Action", "s3:PutObject", "Resource", albLogs),
                        obj("Sid", "AlbAccessLogsNewerRegions", "Effect", "Allow",
                                "Principal", obj("Service", "logdelivery.elasticloadbalancing.amazonaws.com"),
                                "Action", "s3:PutObject", "Resource", albLogs),
                        obj("Sid", "FlowLogsWrite", "Effect", "Allow", "Principal", obj("Service", "delivery.logs.amazonaws.com"),
                                "Action", "s3:PutObject", "Resource", flowLogs,
                                "Condition", obj("StringEquals", obj("aws:SourceAccount", ref("AWS::AccountId"),
                                        "s3:x-amz-acl", "bucket-owner-full-control"))),
                        obj("Sid", "FlowLogsAclCheck", "Effect", "Allow", "Principal", obj("Service", "delivery.logs.amazonaws.com"),
                                "Action", "s3:GetBucketAcl", "Resource", arn, "Condition", fromThisAccount))))));
    }

    /** The load balancer attributes that send its access logs to the bucket under {@code prefix}. */
    static List<Object> accessLogAttributes(String prefix) {
        return list(
                obj("Key", "access_logs.s3.enabled", "Value", "true"),
                obj("Key", "access_logs.s3.bucket", "Value", ref("LogBucket")),
                obj("Key", "access_logs.s3.prefix", "Value", prefix));
    }

    private static Map<String, String> elbAccounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("us-east-1", "127311923021");
        accounts.put("us-east-2", "033677994240");
        accounts.put("us-west-1", "027434742980");
        accounts.put("us-west-2", "797873946194");
        accounts.put("af-south-1", "098369216593");
        accounts.put("ca-central-1", "985666609251");
        accounts.put("eu-central-1", "054676820928");
        accounts.put("eu-west-1", "156460612806");
        accounts.put("eu-west-2", "652711504416");
        accounts.put("eu-south-1", "635631232127");
        accounts.put("eu-west-3", "009996457667");
        accounts.put("eu-north-1", "897822967062");
        accounts.put("ap-east-1", "754344448648");
        accounts.put("ap-northeast-1", "582318560864");
        accounts.put("ap-northeast-2", "600734575887");
        accounts.put("ap-northeast-3", "383597477331");
        accounts.put("ap-southeast-1", "114774131450");
        accounts.put("ap-southeast-2", "783225319266");
        accounts.put("ap-south-1", "718504428378");
        accounts.put("me-south-1", "076674570225");
        accounts.put("sa-east-1", "507241528517");
        return java.util.Collections.unmodifiableMap(accounts);
    }
}
