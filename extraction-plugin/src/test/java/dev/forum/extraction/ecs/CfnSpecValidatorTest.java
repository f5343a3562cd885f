package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator itself: a correct template passes, and each kind of mistake is caught and named. */
class CfnSpecValidatorTest {

    /** A small template that uses the constructs the rendered stacks use. */
    static final String GOOD = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "Traffic": {"Type": "Number", "AllowedValues": [0, 1, 2], "Default": 1},
                "Count": {"Type": "Number", "MinValue": 1, "MaxValue": 4, "Default": 2},
                "Tag": {"Type": "String", "AllowedPattern": "[a-z]+", "Default": "abc"}
              },
              "Mappings": {"Split": {"0": {"Other": 2}, "1": {"Other": 1}, "2": {"Other": 0}}},
              "Conditions": {"IsOne": {"Fn::Equals": [{"Ref": "Traffic"}, "1"]}},
              "Resources": {
                "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/x", "RetentionInDays": 30}},
                "Role": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Resource": {"Fn::GetAtt": ["Logs", "Arn"]}}]}}},
                "Group": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
                  "Port": 3000, "Protocol": "HTTP", "TargetType": "ip", "VpcId": {"Fn::ImportValue": "base-Vpc"},
                  "Matcher": {"HttpCode": "200"},
                  "TargetGroupAttributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "20"}]}},
                "Rule": {"Type": "AWS::ElasticLoadBalancingV2::ListenerRule", "Properties": {
                  "ListenerArn": {"Fn::ImportValue": "base-Listener"}, "Priority": 10,
                  "Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/api/x", "/api/x/*"]}}],
                  "Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                    {"TargetGroupArn": {"Ref": "Group"}, "Weight": {"Ref": "Traffic"}},
                    {"TargetGroupArn": {"Ref": "Group"}, "Weight": {"Fn::FindInMap": ["Split", {"Ref": "Traffic"}, "Other"]}}]}}]}},
                "Service": {"Type": "AWS::ECS::Service", "DependsOn": ["Rule"], "Properties": {
                  "Cluster": {"Fn::Sub": "${AWS::StackName}-${Tag}"},
                  "DesiredCount": {"Fn::If": ["IsOne", 2, 3]},
                  "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED",
                    "Subnets": {"Fn::Split": [",", {"Fn::ImportValue": "base-Subnets"}]}}},
                  "LoadBalancers": [{"ContainerName": "x", "ContainerPort": 3000, "TargetGroupArn": {"Ref": "Group"}}]}}
              },
              "Outputs": {"Name": {"Value": {"Fn::GetAtt": ["Service", "Name"]}, "Export": {"Name": "svc-Name"}}}
            }
            """;

    static final String BASE = """
            {"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}},
             "Outputs": {
               "Vpc": {"Value": {"Ref": "Vpc"}, "Export": {"Name": "base-Vpc"}},
               "Listener": {"Value": "arn", "Export": {"Name": "base-Listener"}},
               "Subnets": {"Value": "a,b", "Export": {"Name": "base-Subnets"}}}}
            """;

    private final CfnSpecValidator validator = CfnSpec.validator();

    private List<String> check(String template) {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("base.json", BASE);
        templates.put("t.json", template);
        return validator.validate(templates);
    }

    private void assertOneProblem(String broken, String expected) {
        List<String> problems = check(broken);
        assertEquals(1, problems.size(), () -> "expected one problem containing '" + expected + "', got " + problems);
        assertTrue(problems.get(0).contains(expected), () -> problems.get(0) + " should contain: " + expected);
    }

    private static String broken(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good template: " + from);
        }
        return GOOD.replace(from, to);
    }

    @Test
    void theSpecificationIsAwssPublishedOne() {
        assertTrue(validator.resourceTypeCount() > 1000, "resource types: " + validator.resourceTypeCount());
    }

    @Test
    void aCorrectTemplatePasses() {
        assertEquals(List.of(), check(GOOD));
    }

    @Test
    void anUnknownResourceTypeFails() {
        assertOneProblem(broken("AWS::Logs::LogGroup", "AWS::Logs::LogGroupp"),
                "Resources.Logs.Type: 'AWS::Logs::LogGroupp' is not a resource type");
    }

    @Test
    void anUnknownPropertyFails() {
        assertOneProblem(broken("\"RetentionInDays\": 30", "\"RetentionDays\": 30"),
                "Resources.Logs.Properties.RetentionDays: no property 'RetentionDays' here");
    }

    @Test
    void anUnknownPropertyOfAPropertyTypeFails() {
        assertOneProblem(broken("\"AssignPublicIp\": \"DISABLED\"", "\"AssignPublicIP\": \"DISABLED\""),
                "AwsvpcConfiguration.AssignPublicIP: no property 'AssignPublicIP'");
    }

    @Test
    void aMissingRequiredPropertyFails() {
        assertOneProblem(broken("\"Priority\": 10,", ""), "Resources.Rule.Properties: the required property Priority is missing");
        assertOneProblem(broken("[{\"Type\": \"forward\", ", "[{"), "Actions[0]: the required property Type is missing");
    }

    @Test
    void aWrongPrimitiveTypeFails() {
        assertOneProblem(broken("\"Priority\": 10", "\"Priority\": \"ten\""),
                "Resources.Rule.Properties.Priority: a Integer goes here, not a string \"ten\"");
        assertOneProblem(broken("\"LogGroupName\": \"/x\"", "\"LogGroupName\": [\"/x\"]"),
                "LogGroupName: a String goes here, not a list");
    }

    @Test
    void aListWhereOneValueGoesAndTheReverseFail() {
        assertOneProblem(broken("\"Values\": [\"/api/x\", \"/api/x/*\"]", "\"Values\": \"/api/x\""),
                "PathPatternConfig.Values: a list goes here, not a string");
        assertOneProblem(broken("{\"Fn::Split\": [\",\", {\"Fn::ImportValue\": \"base-Subnets\"}]}",
                "{\"Fn::ImportValue\": \"base-Subnets\"}"), "Subnets: a list goes here, but Fn::ImportValue gives a single value");
        assertOneProblem(broken("\"Cluster\": {\"Fn::Sub\": \"${AWS::StackName}-${Tag}\"}", "\"Cluster\": {\"Fn::GetAZs\": \"\"}"),
                "Cluster: a single String goes here, but Fn::GetAZs gives a list");
    }

    @Test
    void anObjectWhereAPropertyTypeGoesIsChecked() {
        assertOneProblem(broken("\"Matcher\": {\"HttpCode\": \"200\"}", "\"Matcher\": \"200\""),
                "Matcher: a Matcher object goes here, not a string");
    }

    @Test
    void refsAndGetAttsMustHitSomething() {
        assertOneProblem(broken("{\"TargetGroupArn\": {\"Ref\": \"Group\"}, \"Weight\": {\"Ref\": \"Traffic\"}}",
                "{\"TargetGroupArn\": {\"Ref\": \"Gruop\"}, \"Weight\": {\"Ref\": \"Traffic\"}}"),
                "Ref 'Gruop' names no resource, parameter or pseudo parameter");
        assertOneProblem(broken("[\"Service\", \"Name\"]", "[\"Service\", \"Arn\"]"), "AWS::ECS::Service has no attribute 'Arn'");
        assertOneProblem(broken("[\"Logs\", \"Arn\"]", "[\"Lgos\", \"Arn\"]"), "Fn::GetAtt names no resource 'Lgos'");
        assertOneProblem(broken("${AWS::StackName}-${Tag}", "${AWS::StackName}-${Tga}"), "Ref 'Tga' names no resource");
    }

    @Test
    void importsMustBeExportedByAnEarlierTemplateAndExportsUnique() {
        assertOneProblem(broken("\"base-Listener\"", "\"base-Listenr\""),
                "Fn::ImportValue 'base-Listenr' is exported by no template deployed before it");
        assertOneProblem(broken("\"svc-Name\"", "\"base-Vpc\""), "export 'base-Vpc' is exported by base.json too");
    }

    @Test
    void findInMapKeysMustCoverEveryValueTheParameterAllows() {
        assertOneProblem(broken("\"AllowedValues\": [0, 1, 2]", "\"AllowedValues\": [0, 1, 2, 3]"),
                "mapping Split has no key '3'");
        // A Number range takes fractions (1.5), which no mapping has a key for.
        assertOneProblem(broken("\"AllowedValues\": [0, 1, 2]", "\"MinValue\": 0, \"MaxValue\": 2"),
                "which allows values the mapping may not have");
        List<String> problems = check(broken("\"Other\"]}", "\"Others\"]}"));
        assertEquals(List.of("0", "1", "2"), problems.stream()
                .map(p -> p.replaceAll(".*Weight: mapping Split\\.(\\d) has no key 'Others'$", "$1")).toList(), problems::toString);
    }

    @Test
    void conditionsDependsOnAndParameterDefaultsAreChecked() {
        assertOneProblem(broken("[\"IsOne\", 2, 3]", "[\"IsTwo\", 2, 3]"), "no condition 'IsTwo'");
        assertOneProblem(broken("\"DependsOn\": [\"Rule\"]", "\"DependsOn\": [\"Rules\"]"), "'Rules' is not another resource");
        assertOneProblem(broken("\"Default\": \"abc\"", "\"Default\": \"ABC\""), "'ABC' does not match its AllowedPattern");
        assertOneProblem(broken("\"Default\": 2}", "\"Default\": 5}"), "5 is outside MinValue..MaxValue");
        assertOneProblem(broken("\"Default\": 1}", "\"Default\": 5}"), "'5' is not one of its AllowedValues");
    }

    @Test
    void aDependencyCycleFails() {
        assertOneProblem(broken("\"Cluster\": {\"Fn::Sub\": \"${AWS::StackName}-${Tag}\"}",
                "\"Cluster\": {\"Fn::Sub\": \"${Rule}\"}").replace("\"ListenerArn\": {\"Fn::ImportValue\": \"base-Listener\"}",
                "\"ListenerArn\": {\"Ref\": \"Service\"}"), "dependency cycle");
    }
}
