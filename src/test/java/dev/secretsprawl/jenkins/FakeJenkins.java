package dev.secretsprawl.jenkins;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import groovy.lang.Closure;
import groovy.lang.Script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Loads the real {@code vars/*.groovy} steps under JenkinsPipelineUnit and plays the agent: a workspace of
 * files, a shell whose exit status each test decides, and pipeline steps that record what they were given.
 * {@code error} throws, as on Jenkins, so nothing after it runs.
 */
final class FakeJenkins extends BasePipelineTest {
    /** A recorded pipeline step call. */
    record StepCall(String name, List<Object> args) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) args.get(0);
        }

        String string() {
            return String.valueOf(args.get(0));
        }
    }

    /** What the {@code error} step throws. */
    static final class PipelineError extends RuntimeException {
        PipelineError(String message) {
            super(message);
        }
    }

    final List<StepCall> calls = new ArrayList<>();
    final Map<String, String> workspace = new HashMap<>();
    final Set<String> agentFiles = new HashSet<>();
    final Map<String, String> env = new HashMap<>();
    boolean unix = true;
    /** Runs a shell script (sh or bat) and returns its exit status; tests replace it. */
    ToIntFunction<String> shell = script -> 0;

    FakeJenkins() {
        setScriptRoots(new String[]{"."});
        setScriptExtension("groovy");
    }

    /** Starts with the sprawl jar present on the agent at {@code jar} and named by {@code SPRAWL_JAR}, as most tests want. */
    FakeJenkins startWithJar(String jar) throws Exception {
        start();
        agentFiles.add(jar);
        env.put("SPRAWL_JAR", jar);
        return this;
    }

    FakeJenkins start() throws Exception {
        setUp();
        getBinding().setVariable("env", env);
        step("isUnix", List.of(), args -> unix);
        step("sh", List.of(Map.class), args -> runShell(args));
        step("bat", List.of(Map.class), args -> runShell(args));
        step("fileExists", List.of(String.class), args -> agentFiles.contains(args[0].toString())
                || workspace.containsKey(args[0].toString()));
        step("readFile", List.of(Map.class), args -> read(((Map<?, ?>) args[0]).get("file")));
        step("readFile", List.of(String.class), args -> read(args[0]));
        step("junit", List.of(Map.class), args -> null);
        step("archiveArtifacts", List.of(Map.class), args -> null);
        step("echo", List.of(Object.class), args -> null);
        step("unstable", List.of(Object.class), args -> {
            updateBuildStatus("UNSTABLE");
            return null;
        });
        step("error", List.of(Object.class), args -> {
            updateBuildStatus("FAILURE");
            throw new PipelineError(String.valueOf(args[0]));
        });
        step("withEnv", List.of(List.class, Closure.class), args -> ((Closure<?>) args[1]).call());
        // the steps share their plumbing through the secretSprawlCli global variable, as on Jenkins
        getBinding().setVariable("secretSprawlCli", loadScript("vars/secretSprawlCli.groovy"));
        return this;
    }

    Script step(String name) {
        return loadScript("vars/" + name + ".groovy");
    }

    /** Calls {@code name(params)} the way a Jenkinsfile does. */
    Object run(String name, Map<String, Object> params) {
        return step(name).invokeMethod("call", new Object[]{params});
    }

    /** Calls {@code name(params) { body }}; the body is recorded as a call named "body". */
    Object run(String name, Map<String, Object> params, Function<Object[], Object> body) {
        return step(name).invokeMethod("call", new Object[]{params, new StepClosure(this, "body", body)});
    }

    List<StepCall> calls(String name) {
        return calls.stream().filter(c -> c.name().equals(name)).toList();
    }

    /** The scripts given to sh (or bat on Windows), in order. */
    List<String> scripts() {
        return calls(unix ? "sh" : "bat").stream().map(c -> String.valueOf(c.map().get("script"))).toList();
    }

    String result() {
        return String.valueOf(((Map<?, ?>) getBinding().getVariable("currentBuild")).get("result"));
    }

    private Object runShell(Object[] args) {
        Map<?, ?> params = (Map<?, ?>) args[0];
        if (!Boolean.TRUE.equals(params.get("returnStatus"))) {
            throw new AssertionError("the steps must read exit codes themselves (returnStatus: true): " + params);
        }
        return shell.applyAsInt(String.valueOf(params.get("script")));
    }

    private String read(Object file) {
        String text = workspace.get(String.valueOf(file));
        if (text == null) {
            throw new AssertionError("readFile of a file that does not exist: " + file);
        }
        return text;
    }

    /** Registers the step; a one-argument Object step also replaces JenkinsPipelineUnit's own String variant. */
    private void step(String name, List<Class<?>> types, Function<Object[], Object> body) {
        StepClosure closure = new StepClosure(this, name, body);
        getHelper().registerAllowedMethod(name, new ArrayList<>(types), closure);
        if (types.equals(List.of(Object.class))) {
            getHelper().registerAllowedMethod(name, new ArrayList<>(List.of(String.class)), closure);
        }
    }

    /** A Groovy closure backed by a Java function; records every call before running it. */
    public static final class StepClosure extends Closure<Object> {
        private final transient FakeJenkins jenkins;
        private final String name;
        private final transient Function<Object[], Object> body;

        StepClosure(FakeJenkins jenkins, String name, Function<Object[], Object> body) {
            super(jenkins);
            this.jenkins = jenkins;
            this.name = name;
            this.body = body;
        }

        public Object doCall(Object... args) {
            jenkins.calls.add(new StepCall(name, java.util.Arrays.asList(args)));
            return body.apply(args);
        }
    }
}
