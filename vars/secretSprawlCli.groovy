// The one place that finds the jar, quotes arguments and runs `java -jar sprawl.jar ...` on the agent.
// The other steps call it; pipelines may too, for commands without a step of their own.
import com.cloudbees.groovy.cps.NonCPS

/**
 * Runs `sprawl ARGS...` on this agent and returns its exit status (never fails the build itself).
 * secretSprawlCli(args: ['baseline', 'create', '.', '--output', '.sprawl-baseline.json'])
 */
def call(Map params = [:]) {
    checkParameters('secretSprawlCli', params, ['args', 'jar', 'java', 'javaOpts'])
    if (!(params.args instanceof List) || params.args.isEmpty()) {
        error("secretSprawlCli: pass the sprawl arguments as a list, e.g. args: ['rules']")
    }
    return run(params, params.args)
}

/** Runs the CLI; the report files named in staleReports are removed first so a failed run cannot leave last build's. */
int run(Map params, List cliArgs, List staleReports = []) {
    boolean unix = isUnix()
    String script = commandLine(params, cliArgs, unix)
    if (!staleReports.isEmpty()) {
        script = removeCommand(staleReports, unix) + '\n' + script
    }
    return unix ? sh(script: script, returnStatus: true) : bat(script: script, returnStatus: true)
}

/** `java [javaOpts] -jar JAR ARGS...`, each word quoted for the agent's shell. */
String commandLine(Map params, List cliArgs, boolean unix) {
    return joinWords(commandWords(params, cliArgs), unix)
}

/** The unquoted words of `java [javaOpts] -jar JAR ARGS...`. */
List commandWords(Map params, List cliArgs) {
    String jar = jarPath(params)
    return [params.java ?: 'java'] + javaOptions(params) + ['-jar', jar] + cliArgs
}

/** The jar from jar: or SPRAWL_JAR; the library downloads nothing, so a missing jar stops the build here. */
String jarPath(Map params) {
    String jar = params.jar ?: env.SPRAWL_JAR
    if (!jar) {
        error('Secret Sprawl: no jar to run. Pass jar: \'/path/to/sprawl.jar\' to the step, or set the SPRAWL_JAR '
                + 'environment variable (agent properties, or environment { SPRAWL_JAR = ... }). '
                + 'This library downloads nothing: build the jar with mvn package or copy a released one to the agent.')
    }
    if (!fileExists(jar)) {
        error("Secret Sprawl: the jar '${jar}' does not exist on this agent (checked relative to the workspace "
                + 'when not absolute). Fix jar: or SPRAWL_JAR, or copy the jar there first (e.g. copyArtifacts or unstash).')
    }
    return jar
}

/** javaOpts as a string (split on blanks) or a list (one word each); default -Xmx1g, a bounded heap on shared agents. */
@NonCPS
static List<String> javaOptions(Map params) {
    def opts = params.containsKey('javaOpts') ? params.javaOpts : '-Xmx1g'
    if (opts == null) {
        return []
    }
    return opts instanceof List ? opts.collect { it.toString() } : splitBlanks(opts.toString())
}

/** The joined command line, or an error() for a word the Windows shell cannot carry safely. */
String joinWords(List words, boolean unix) {
    if (!unix) {
        String bad = firstUnquotableOnWindows(words)
        if (bad != null) {
            error("Secret Sprawl: cannot pass '${bad}' to a Windows command line: it holds a double quote or a line break")
        }
    }
    return joinQuoted(words.collect { it.toString() }, unix)
}

/** Unix shells: single quotes, with ' written as '\''; Windows: double quotes, % doubled for the batch file. */
@NonCPS
static String joinQuoted(List<String> words, boolean unix) {
    return words.collect { unix ? quoteUnix(it) : quoteWindows(it) }.join(' ')
}

/** True when the word means the same to a POSIX shell quoted or not. */
@NonCPS
static boolean plainForUnix(String word) {
    return word ==~ /[A-Za-z0-9_.\/:=@%+,-]+/
}

@NonCPS
static String quoteUnix(String word) {
    if (plainForUnix(word)) {
        return word
    }
    return "'" + word.replace("'", "'\\''") + "'"
}

@NonCPS
static String quoteWindows(String word) {
    if (word ==~ /[A-Za-z0-9_.\/:=@+,\\-]+/) {
        return word
    }
    // a backslash before the closing quote would escape it for the Java launcher: double trailing backslashes
    String body = word.replace('%', '%%').replaceAll(/(\\+)$/, '$1$1')
    return '"' + body + '"'
}

@NonCPS
static String firstUnquotableOnWindows(List words) {
    def bad = words.find { String w = it.toString(); w.contains('"') || w.contains('\n') || w.contains('\r') }
    return bad == null ? null : bad.toString()
}

@NonCPS
static List<String> splitBlanks(String text) {
    return text.trim().isEmpty() ? [] : (text.trim().split(/\s+/) as List<String>)
}

/** Deletes earlier reports without failing when they are absent. */
String removeCommand(List files, boolean unix) {
    List names = removableNames(files, unix)
    return unix ? 'rm -f -- ' + joinWords(names, true) : 'del /f /q ' + joinWords(names, false) + ' 2>nul'
}

// del reads a forward slash as an option, so it gets backslashes
@NonCPS
static List<String> removableNames(List files, boolean unix) {
    return files.findAll { it }.collect { unix ? it.toString() : it.toString().replace('/', '\\') }
}

/** Unknown parameter names are mistakes (failon: instead of failOn:) that would otherwise pass silently. */
void checkParameters(String step, Map params, List known) {
    List unknown = unknownKeys(params, known)
    if (!unknown.isEmpty()) {
        error("${step}: unknown parameter(s) ${unknown.join(', ')}; known: ${known.join(', ')}")
    }
}

@NonCPS
static List unknownKeys(Map params, List known) {
    return params.keySet().findAll { !known.contains(it) } as List
}

/** What the CLI's exit codes 2 and 3 mean, for error messages. */
String exitMeaning(int status) {
    switch (status) {
        case 2: return 'usage or configuration error (exit 2): an option, path or config file is wrong; the sprawl message above says which'
        case 3: return 'runtime error (exit 3): the run did not finish, or some files could not be scanned so the result is incomplete; see the messages above'
        case 9009: return "exit 9009: cmd.exe could not find the java command; pass java: 'C:\\path\\to\\bin\\java.exe' or put java on the agent's PATH"
        case 127: return "exit 127: the shell could not find the java command; pass java: '/path/to/bin/java' or put java on the agent's PATH"
        default: return "unexpected exit code ${status} (not one of sprawl's 0-3): the JVM was probably killed or failed to start; see the log above"
    }
}
