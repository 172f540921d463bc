// Masks secrets in build output with `sprawl mask`. Jenkins cannot re-pipe what a closure prints, so there are two
// honest forms: script: runs a shell script piped through the mask (exit status kept); a closure gets the mask
// command in SPRAWL_MASK and pipes its own commands through it.
import com.cloudbees.groovy.cps.NonCPS

def call(Map params = [:], Closure body = null) {
    secretSprawlCli.checkParameters('secretSprawlMask', params, ['jar', 'java', 'javaOpts', 'secretEnv', 'script',
            'returnStatus'])
    Map p = withDefaults(params)
    String problem = problemWith(p, body != null)
    if (problem) {
        error("secretSprawlMask: ${problem}")
    }
    List words = secretSprawlCli.commandWords(p, maskArguments(p))
    return body == null ? runMasked(p, words) : withMaskCommand(words, body)
}

/** script: form (Unix): the script's stdout and stderr go through the mask; the script's exit status is kept. */
def runMasked(Map p, List words) {
    if (!isUnix()) {
        error("secretSprawlMask: script: needs a Unix agent (cmd.exe cannot keep a piped command's exit status); "
                + "on Windows use the closure form and pipe through %SPRAWL_MASK%")
    }
    int status = sh(script: maskedScript(p.script, secretSprawlCli.joinWords(words, true)), returnStatus: true)
    if (status != 0 && !p.returnStatus) {
        error("secretSprawlMask: script returned exit code ${status}")
    }
    return p.returnStatus ? status : null
}

/** Closure form: SPRAWL_MASK holds the mask command; the closure's own sh/bat steps pipe through it. */
def withMaskCommand(List words, Closure body) {
    boolean unix = isUnix()
    String bad = wordUnfitForVariable(words, unix)
    if (bad != null) {
        error("secretSprawlMask: SPRAWL_MASK is expanded without quotes, so it cannot hold '${bad}'; "
                + "move the jar (or java) to a path without spaces or special characters, or use the script: form")
    }
    String command = unix ? words.join(' ') : secretSprawlCli.joinWords(words, false)
    return withEnv(["SPRAWL_MASK=${command}"]) {
        body()
    }
}

/** $SPRAWL_MASK is split on blanks and globbed by sh; %SPRAWL_MASK% is pasted as is by cmd. */
@NonCPS
String wordUnfitForVariable(List words, boolean unix) {
    def bad = words.find { unix ? !secretSprawlCli.plainForUnix(it.toString()) : it.toString().contains('%') }
    return bad == null ? null : bad.toString()
}

@NonCPS
static Map withDefaults(Map params) {
    // a line filter needs little heap
    Map p = [java: 'java', javaOpts: '-Xmx256m', secretEnv: [], returnStatus: false] + params
    if (p.secretEnv instanceof CharSequence) {
        p.secretEnv = [p.secretEnv.toString()]
    }
    if (p.script instanceof List) {
        p.script = p.script.join('\n')
    }
    if (p.script != null) {
        p.script = p.script.toString()
    }
    return p
}

@NonCPS
static String problemWith(Map p, boolean hasBody) {
    if (hasBody == (p.script != null)) {
        return hasBody ? 'give either script: or a closure, not both' : 'give a script: to run, or a closure'
    }
    if (!(p.secretEnv instanceof List) || p.secretEnv.any { !(it.toString() ==~ /[A-Za-z_][A-Za-z0-9_]*/) }) {
        return "secretEnv must name environment variables (a name or a list of names), e.g. ['DEPLOY_TOKEN'], not ${p.secretEnv}"
    }
    if (hasBody && p.returnStatus) {
        return 'returnStatus applies to the script: form; in the closure form your own sh step returns it'
    }
    return null
}

@NonCPS
static List<String> maskArguments(Map p) {
    List<String> args = ['mask']
    p.secretEnv.each { args += ['--secret-env', it.toString()] }
    return args
}

/**
 * POSIX sh has no pipefail (dash, Jenkins' usual /bin/sh), so the script's status travels through a temporary
 * file. The script runs with set -e, as a plain sh step would; a failing mask is reported and fails the step too.
 */
@NonCPS
static String maskedScript(String script, String maskCommand) {
    return """set +e
sprawl_status=\$(mktemp)
{ (
set -e
${script}
) 2>&1; echo \$? > "\$sprawl_status"; } | ${maskCommand}
sprawl_mask=\$?
sprawl_rc=\$(cat "\$sprawl_status"); rm -f "\$sprawl_status"
if [ "\$sprawl_mask" -ne 0 ]; then echo "secretSprawlMask: the mask filter failed (exit \$sprawl_mask); output above may be missing" >&2; fi
if [ "\${sprawl_rc:-1}" -ne 0 ]; then exit "\${sprawl_rc:-1}"; fi
exit "\$sprawl_mask"
"""
}
