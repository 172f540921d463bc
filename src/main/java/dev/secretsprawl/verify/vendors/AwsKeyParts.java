package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;

import java.util.regex.Pattern;

/**
 * An AWS access key pair (and session token, for temporary keys) put together from a finding and the lines
 * around it: a finding is one part of the pair, the others are written next to it.
 *
 * @param keyIdsNearby distinct access key ids around the finding: with more than one, a secret that does not
 *                     sign for the nearest may belong to another
 * @param found        which part the finding itself is: the others were read from the lines around it
 */
record AwsKeyParts(String keyId, String secretKey, String sessionToken, int keyIdsNearby, Part found) {
    /** The three parts a finding can be. */
    enum Part { KEY_ID, SECRET_KEY, SESSION_TOKEN }

    /** The finding is the secret key and exactly one key id is written around it: the pair STS judged is surely its own. */
    boolean secretWithItsOnlyKeyId() {
        return found == Part.SECRET_KEY && keyIdsNearby == 1;
    }

    static final Pattern KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b");
    /** After an AWS secret-key name, or after a key id and a comma (argument lists, the console's .csv). */
    private static final Pattern SECRET_KEY = Pattern.compile("(?:(?i:(?:aws|amazon|s3a?)[\\w.-]{0,30}?secret[\\w.-]{0,20}?"
            + "|secret[_.-]?access[_.-]?key\\w{0,10})[\"']?\\s{0,5}(?:=|:|:=|=>|->)\\s{0,5}[\"']?"
            + "|\\b(?:AKIA|ASIA)[A-Z2-7]{16}[\"']?\\s{0,3},\\s{0,3}[\"']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final Pattern SESSION_TOKEN = Pattern.compile("(?:(?i:aws[\\w.-]{0,20}?(?:session|security)[._-]?token)"
            + "[\"']?\\s{0,5}(?:=|:|:=|=>)\\s{0,5}[\"']?|\"SessionToken\"\\s{0,3}:\\s{0,3}\")([A-Za-z0-9/+]{100,2000}={0,2})");

    /** A part the check needs is not next to the finding; the message says which, in our words. */
    static final class MissingPart extends Exception {
        MissingPart(String reason) {
            super(reason, null, false, false);
        }
    }

    static AwsKeyParts of(Credential credential) throws MissingPart {
        String found = credential.secret().reveal();
        boolean isKeyId = credential.ruleId().endsWith("access-key-id");
        boolean isToken = credential.ruleId().equals("aws-session-token");
        String what = isKeyId ? "key id" : isToken ? "session token" : "secret key";
        String keyId = isKeyId ? found : nearby(KEY_ID, credential, "no access key id next to the " + what);
        if (!keyId.startsWith("AKIA") && !keyId.startsWith("ASIA")) {
            throw new MissingPart("only access keys (AKIA, ASIA) can be checked with STS; ABIA and ACCA ids name other kinds of credential");
        }
        String secretKey = !isKeyId && !isToken ? found : nearby(SECRET_KEY, credential, "no secret key next to the " + what);
        String token = isToken ? found : !keyId.startsWith("ASIA") ? null : nearby(SESSION_TOKEN, credential,
                "a temporary key (ASIA) works only with its session token, and none is next to the " + what);
        Part part = isKeyId ? Part.KEY_ID : isToken ? Part.SESSION_TOKEN : Part.SECRET_KEY;
        return new AwsKeyParts(keyId, secretKey, token, NearbyText.all(KEY_ID, credential).size(), part);
    }

    private static String nearby(Pattern part, Credential credential, String missing) throws MissingPart {
        return NearbyText.closest(part, credential).orElseThrow(() -> new MissingPart(missing));
    }
}
