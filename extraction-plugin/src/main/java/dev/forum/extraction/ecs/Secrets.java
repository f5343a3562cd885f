package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.sub;
import static dev.forum.extraction.ecs.Cfn.tags;

import java.util.Map;

/**
 * The base stack's KMS key for every secret (rotated yearly by KMS), and the secret of the token signing keys when a
 * module issues tokens, which deploy.sh fills once (CloudFormation cannot make a key pair). Rendered only when the
 * deployment keeps a secret ({@link EcsSettings#secrets}): a database's or the signing keys'.
 */
final class Secrets {

    /** The signing keys' secret until deploy.sh puts a key set in. */
    static final String EMPTY_KEY_SET = "{\"keys\":[]}";

    private Secrets() {
    }

    static void add(Stack stack, String app, EcsSettings settings, Map<String, String> tag, EcsNames names) {
        stack.add("SecretsKey", resource("AWS::KMS::Key", obj(
                "Description", "Encrypts the " + app + " application's secrets ("
                        + String.join(", ", java.util.stream.Stream.of(
                                settings.database() ? (settings.moduleSecrets() ? "database roles" : "database admin") : null,
                                settings.tokens() ? "token signing keys" : null).filter(java.util.Objects::nonNull).toList())
                        + ")",
                "EnableKeyRotation", true,
                // The account administers and uses the key through IAM: each execution role may decrypt only
                // through Secrets Manager (kms:ViaService), for its own secrets.
                "KeyPolicy", obj("Version", "2012-10-17", "Statement", list(obj(
                        "Sid", "AccountAdministersThroughIam", "Effect", "Allow",
                        "Principal", obj("AWS", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
                        "Action", "kms:*", "Resource", "*"))),
                "Tags", tags(app + "-secrets", tag))));
        stack.add("SecretsKeyAlias", resource("AWS::KMS::Alias", obj("AliasName", names.secretsKeyAlias(),
                "TargetKeyId", ref("SecretsKey"))));
        stack.output("SecretsKey", output("The KMS key of the secrets", getAtt("SecretsKey", "Arn"), names.export("SecretsKey")));
        if (!settings.tokens()) {
            return; // no module issues tokens: no signing keys
        }
        stack.add("SigningKeysSecret", resource("AWS::SecretsManager::Secret", obj(
                "Name", names.signingKeysSecret(),
                "Description", "The token signing keys (a JWK set with private keys) of the " + settings.identity().issuerModule()
                        + " module; deploy.sh puts a new key set in once, CloudFormation only creates the secret",
                "KmsKeyId", ref("SecretsKey"),
                "SecretString", EMPTY_KEY_SET,
                "Tags", tags(names.signingKeysSecret(), tag))));
        stack.output("SigningKeysSecret", output("The token signing keys' secret", ref("SigningKeysSecret"),
                names.export("SigningKeysSecret")));
    }
}
