// Runs `sprawl gate`: the build fails while a migrated credential's legacy copy still works or still sits in the
// code, or a new finding is neither migrated nor baselined.
import com.cloudbees.groovy.cps.NonCPS

def call(Map params = [:]) {
    secretSprawlCli.checkParameters('secretSprawlGate', params, ['jar', 'java', 'javaOpts', 'path', 'ledger',
            'cutover', 'format', 'output', 'archive', 'extraArgs'])
    Map p = withDefaults(params)
    String problem = problemWith(p)
    if (problem) {
        error("secretSprawlGate: ${problem}")
    }

    int status = secretSprawlCli.run(p, gateArguments(p), [p.output])
    if (status in [0, 1] && p.archive) {
        archiveArtifacts(artifacts: p.output, allowEmptyArchive: true, fingerprint: false)
    }
    if (status == 1) {
        error("Secret Sprawl gate failed: a migrated credential's legacy copy still works or still sits in the code, "
                + "or a new finding is neither migrated nor baselined. See ${p.output}; finish the migration "
                + "(sprawl migrate status) or baseline the finding.")
    }
    if (status != 0) {
        error("Secret Sprawl gate failed: ${secretSprawlCli.exitMeaning(status)}")
    }
    echo("Secret Sprawl gate passed (${p.output})")
    return [passed: true, report: p.output]
}

@NonCPS
static Map withDefaults(Map params) {
    Map p = [java: 'java', path: '.', format: 'sarif', archive: true, extraArgs: []] + params
    ['path', 'ledger', 'cutover', 'format', 'output'].each {
        if (p[it] != null) {
            p[it] = p[it].toString()
        }
    }
    if (!params.containsKey('output')) {
        p.output = 'sprawl-gate.' + (extensions()[p.format] ?: p.format)
    }
    return p
}

/** The report formats sprawl gate writes, and the file extension each gets by default. */
@NonCPS
static Map extensions() {
    return [sarif: 'sarif', json: 'json', junit: 'xml', html: 'html', text: 'txt']
}

@NonCPS
static String problemWith(Map p) {
    if (!extensions().containsKey(p.format)) {
        return "format must be one of ${extensions().keySet().join(', ')}, not '${p.format}'"
    }
    if (!p.output) {
        return 'output needs a file name: the gate report is written to a file and archived'
    }
    if (p.cutover && !(p.cutover ==~ /\d{4}-\d{2}-\d{2}/)) {
        return "cutover must be a date written YYYY-MM-DD, not '${p.cutover}'"
    }
    if (!(p.extraArgs instanceof List)) {
        return "extraArgs must be a list of arguments, e.g. ['--baseline', '.sprawl-baseline.json']"
    }
    return null
}

@NonCPS
static List<String> gateArguments(Map p) {
    List<String> args = ['gate', p.path]
    if (p.ledger) {
        args += ['--ledger', p.ledger]
    }
    if (p.cutover) {
        args += ['--cutover', p.cutover]
    }
    args += ['--format', p.format, '--output', p.output]
    args += p.extraArgs
    return args.collect { it.toString() }
}
