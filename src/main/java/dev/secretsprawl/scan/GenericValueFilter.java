package dev.secretsprawl.scan;

import com.google.re2j.Pattern;

import java.util.Locale;

/**
 * Filters for assignment-style ({@code generic}) rules, whose value can be anything: code that reads
 * the value from somewhere else, hashes and digests, identifiers, public material.
 */
final class GenericValueFilter implements CandidateFilter {
    /** Reads from the environment, a vault, parameters or configuration objects. */
    private static final Pattern READ_ELSEWHERE = Pattern.compile(
            "(?i)^(process\\.env|os\\.environ|os\\.getenv|getenv|system\\.getenv|system\\.getproperty|env\\b|"
                    + "params\\b|config\\b|settings\\b|vault\\b|secrets\\b|self\\.|this\\.|props\\b|args\\b|"
                    + "request\\.|req\\.|options\\.|opts\\.|context\\.|ctx\\.|credentials\\b|keyring|"
                    + "getpass|input\\(|readline|prompt|lookup\\(|ENV\\[|aws_|ssm:|arn:)");
    /** {@code a.b.c}, {@code foo()}, {@code a.b(c)}, {@code obj[key]}: code, not a literal. */
    private static final Pattern CODE = Pattern.compile(
            "^[A-Za-z_$][\\w$]*((\\.|::|->)[A-Za-z_$][\\w$]*)*(\\(.*\\)|\\[.*\\])$|^[A-Za-z_$][\\w$]*((\\.|::|->)[A-Za-z_$][\\w$]*)+$");
    private static final Pattern HASH_PREFIX = Pattern.compile("(?i)^(sha1|sha256|sha384|sha512|md5)[-:]");
    private static final Pattern UUID = Pattern.compile(
            "(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    /** Key names whose values are digests, identifiers, pagination cursors, public material or type names. */
    private static final Pattern NON_SECRET_KEY = Pattern.compile(
            "(?i)(hash|digest|checksum|sha\\d*|md5|integrity|fingerprint|etag|public|pubkey|csrf|xsrf|::|"
                    + "(page|next|change|sync|continuation|pagination|cursor|work[_-]?unit|idempotency|client|sequence|"
                    + "output|forward|backward|update|purchase|confirmation|verification)[_-]?token|continuation|"
                    + "_id\\b|_name\\b|_file\\b|_path\\b|_url\\b|_length|_len\\b|_type|_policy|_timeout|_expir|"
                    + "_header|_prefix|_env\\b|_field|_format|_regex|_pattern|_rotation|_ttl|_mode|_required)");
    /** Files whose unquoted values are literals, not code: configuration, env files, shell, Dockerfiles. */
    private static final Pattern LITERAL_FILES = Pattern.compile(
            "(?i)(\\.env(\\.[\\w-]+)?|\\.envrc|\\.properties|\\.ya?ml|\\.ini|\\.cfg|\\.conf|\\.cnf|\\.toml|\\.sh|\\.bash|"
                    + "\\.zsh|(^|/)Dockerfile[^/]*|\\.dockerfile|(^|/)\\.?netrc|\\.npmrc|\\.pypirc)$");
    /** An identifier with no digits or symbols, unquoted: a variable name in code. */
    private static final Pattern BARE_IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z_]*$");
    /** A Jenkins secret encrypted at rest: reported by its own rule as such, never as a plaintext password. */
    private static final Pattern JENKINS_ENCRYPTED = Pattern.compile("^\\{?AQAAAB[A-Za-z0-9+/]{16,}={0,2}\\}?$");

    @Override
    public String name() {
        return "generic-value";
    }

    @Override
    public boolean rejects(Candidate c) {
        if (!c.rule().rule().generic()) {
            return false;
        }
        String value = c.secret().strip();
        if (READ_ELSEWHERE.matcher(value).find() || HASH_PREFIX.matcher(value).find()
                || UUID.matcher(value).matches() || JENKINS_ENCRYPTED.matcher(value).matches()) {
            return true;
        }
        boolean literalFile = LITERAL_FILES.matcher(c.path()).find();
        if (!c.quoted() && !literalFile && (CODE.matcher(value).matches() || BARE_IDENTIFIER.matcher(value).matches())) {
            return true;
        }
        return NON_SECRET_KEY.matcher(c.before().toLowerCase(Locale.ROOT)).find();
    }
}
