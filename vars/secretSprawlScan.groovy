// One scan, three reports (SARIF archived, JUnit published, JSON read for the decision), then the build result
// from the severities found: error at failOn, unstable at unstableOn.
import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonSlurperClassic

def call(Map params = [:]) {
    secretSprawlCli.checkParameters('secretSprawlScan', params, ['jar', 'java', 'javaOpts', 'target', 'path',
            'branch', 'sinceCommit', 'baseline', 'config', 'failOn', 'unstableOn', 'sarif', 'junit', 'json',
            'publishJunit', 'archive', 'shard', 'extraArgs'])
    Map p = withDefaults(params)
    String problem = problemWith(p)
    if (problem) {
        error("secretSprawlScan: ${problem}")
    }

    int status = secretSprawlCli.run(p, scanArguments(p), [p.sarif, p.junit, p.json])
    if (status == 2 || !(status in [0, 1, 3])) {
        error("Secret Sprawl scan failed: ${secretSprawlCli.exitMeaning(status)}")
    }
    boolean wroteJson = fileExists(p.json)
    publish(p, wroteJson)
    if (status == 3) {
        error("Secret Sprawl scan failed: ${secretSprawlCli.exitMeaning(3)}"
                + (wroteJson ? '; ' + warningsOf(readFile(file: p.json, encoding: 'UTF-8')) : ''))
    }
    if (!wroteJson) {
        error("Secret Sprawl scan exited ${status} but wrote no ${p.json}; see the log above")
    }

    Map counts = countsOf(readFile(file: p.json, encoding: 'UTF-8'))
    echo("Secret Sprawl: ${describe(counts)} (${p.sarif})")
    int failing = atOrAbove(counts, p.failOn)
    if (failing > 0) {
        error("Secret Sprawl: ${failing} finding(s) at or above ${p.failOn} (${describe(counts)}); "
                + "see ${p.sarif} and the JUnit results. Remove and rotate them, or baseline known ones.")
    }
    int warning = atOrAbove(counts, p.unstableOn)
    if (warning > 0) {
        unstable("Secret Sprawl: ${warning} finding(s) at or above ${p.unstableOn} (${describe(counts)}); see ${p.sarif}")
    }
    return counts
}

/** JUnit (without letting the junit step mark the build: the severities decide) and SARIF/JSON as artifacts. */
void publish(Map p, boolean wroteReports) {
    if (!wroteReports) {
        return
    }
    if (p.publishJunit) {
        junit(testResults: p.junit, allowEmptyResults: true, skipMarkingBuildUnstable: true)
    }
    if (p.archive) {
        archiveArtifacts(artifacts: "${p.sarif}, ${p.json}", allowEmptyArchive: true, fingerprint: false)
    }
}

@NonCPS
static Map withDefaults(Map params) {
    Map p = [java: 'java', target: 'dir', path: '.', failOn: 'high', unstableOn: 'low', sarif: 'sprawl.sarif',
             publishJunit: true, archive: true, extraArgs: []] + params
    ['java', 'target', 'path', 'branch', 'sinceCommit', 'baseline', 'config', 'sarif', 'junit', 'json', 'shard'].each {
        if (p[it] != null) {
            p[it] = p[it].toString()
        }
    }
    // junit and json follow the SARIF name, so shards that only rename the SARIF do not overwrite each other
    String base = p.sarif.toString().replaceFirst(/\.sarif$/, '')
    if (!params.containsKey('junit')) {
        p.junit = base + '-junit.xml'
    }
    if (!params.containsKey('json')) {
        p.json = base + '.json'
    }
    p.failOn = severityOrNull(p.failOn)
    p.unstableOn = severityOrNull(p.unstableOn)
    return p
}

@NonCPS
static String severityOrNull(value) {
    return value == null || value.toString() == 'none' ? null : value.toString().toLowerCase()
}

@NonCPS
static String problemWith(Map p) {
    if (!(p.target in ['dir', 'git', 'log'])) {
        return "target must be 'dir', 'git' or 'log', not '${p.target}'"
    }
    if (p.target != 'git' && (p.branch || p.sinceCommit)) {
        return "branch and sinceCommit only apply to target: 'git'"
    }
    for (String name : ['failOn', 'unstableOn']) {
        if (p[name] != null && !(p[name] in severities())) {
            return "${name} must be one of ${severities().join(', ')} or null/'none', not '${p[name]}'"
        }
    }
    if (!p.sarif || !p.junit || !p.json) {
        return 'sarif, junit and json need file names (the scan always writes all three)'
    }
    if (p.shard && !(p.shard.toString() ==~ /\d+\/\d+/)) {
        return "shard must look like I/N (e.g. '2/4'), not '${p.shard}'"
    }
    if (!(p.extraArgs instanceof List)) {
        return "extraArgs must be a list of arguments, e.g. ['--redact']"
    }
    return null
}

/** `scan TARGET PATH` with every report of this one scan; exit 1 for any finding, the step judges severities. */
@NonCPS
static List<String> scanArguments(Map p) {
    List<String> args = ['scan', p.target, p.path]
    if (p.branch) {
        args += ['--branch', p.branch]
    }
    if (p.sinceCommit) {
        args += ['--since-commit', p.sinceCommit]
    }
    args += ['--format', 'sarif', '--output', p.sarif, '--report', "junit:${p.junit}", '--report', "json:${p.json}",
             '--fail-on', 'info', '--quiet']
    if (p.baseline) {
        args += ['--baseline', p.baseline]
    }
    if (p.config) {
        args += ['--config', p.config]
    }
    if (p.shard) {
        args += ['--shard', p.shard]
    }
    args += p.extraArgs
    return args.collect { it.toString() }
}

/** Most severe first, as the CLI names them. */
@NonCPS
static List<String> severities() {
    return ['critical', 'high', 'medium', 'low', 'info']
}

/** summary.bySeverity of the JSON report, as plain serialisable integers, plus the total. */
@NonCPS
static Map countsOf(String json) {
    Map bySeverity = new JsonSlurperClassic().parseText(json).summary.bySeverity
    Map counts = [:]
    severities().each { counts[it] = (bySeverity[it] ?: 0) as int }
    counts.total = counts.values().sum()
    return counts
}

@NonCPS
static String warningsOf(String json) {
    List warnings = new JsonSlurperClassic().parseText(json).warnings ?: []
    if (warnings.isEmpty()) {
        return 'the report lists no warnings'
    }
    String first = warnings.take(5).collect { it.path ? "${it.path}: ${it.message}" : it.message }.join('; ')
    return "warnings: ${first}" + (warnings.size() > 5 ? " (and ${warnings.size() - 5} more in the JSON report)" : '')
}

@NonCPS
static int atOrAbove(Map counts, String severity) {
    if (severity == null) {
        return 0
    }
    return severities().subList(0, severities().indexOf(severity) + 1).collect { counts[it] as int }.sum() as int
}

@NonCPS
static String describe(Map counts) {
    if (counts.total == 0) {
        return 'no findings'
    }
    return severities().findAll { counts[it] > 0 }.collect { "${counts[it]} ${it}" }.join(', ')
}
