package dev.secretsprawl.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.secretsprawl.testing.FakeJenkins.FOLDER;
import static dev.secretsprawl.testing.FakeJenkins.FREESTYLE;
import static dev.secretsprawl.testing.FakeJenkins.MULTIBRANCH;
import static dev.secretsprawl.testing.FakeJenkins.ORGANIZATION;
import static dev.secretsprawl.testing.FakeJenkins.PIPELINE;

/**
 * A typical Jenkins instance on a {@link FakeJenkins}: a folder, a freestyle and a pipeline job, a
 * multibranch project with two branches, an organisation folder with a repository, and 97 small services
 * so the root lists over two pages. Credentials are planted (generated here, never committed) in one job's
 * config.xml and in three builds' console text; the pipeline's config.xml is forbidden (no
 * Job/ExtendedRead), one build is deleted, and one console is throttled once (429) before it answers.
 */
public final class JenkinsEstate {
    public static final int FILLER_JOBS = 97;
    /** Every planted value by where it sits: "job/path/config.xml" or "job/path/N/consoleText". */
    public final Map<String, String> planted = new LinkedHashMap<>();
    public final Map<String, String> texts = new LinkedHashMap<>();
    public final FakeJenkins jenkins;

    public JenkinsEstate(SyntheticCredentials credentials, int retryAfterSeconds) {
        jenkins = new FakeJenkins(credentials);
        String pat = credentials.next("github-pat");
        String slack = credentials.next("slack-bot");
        String npm = credentials.next("npm");
        String gitlab = credentials.next("gitlab-pat");
        String awsKey = credentials.next("aws-key-id");

        String deployProd = freestyle("curl -fsS -H &quot;Authorization: token " + pat + "&quot; https://api.github.com/repos/acme/app/deployments");
        plant("deploy-prod", "config.xml", pat, deployProd);
        String nightly42 = "Started by timer\n[Pipeline] Start of Pipeline\n[Pipeline] sh\n+ export SLACK_BOT_TOKEN=" + slack
                + "\n+ ./notify.sh '#releases'\n[Pipeline] End of Pipeline\nFinished: SUCCESS\n";
        plant("nightly", "42/consoleText", slack, nightly42);
        String nightly41 = "Started by timer\n+ export AWS_ACCESS_KEY_ID=" + awsKey + "\n+ aws s3 sync dist/ s3://acme-nightly/\nFinished: SUCCESS\n";
        plant("nightly", "41/consoleText", awsKey, nightly41);
        String login7 = "Branch indexing\n[Pipeline] node\nRunning on agent-3 in /var/lib/jenkins/workspace/webapp_feature-login\n"
                + "[Pipeline] sh\n+ echo //registry.npmjs.org/:_authToken=" + npm + "\n[Pipeline] End of Pipeline\nFinished: SUCCESS\n";
        plant("webapp/feature%2Flogin", "7/consoleText", npm, login7);
        String payments3 = "Started by branch indexing\n+ git clone https://oauth2:" + gitlab + "@gitlab.example.com/acme/payments.git\nFinished: FAILURE\n";
        plant("acme-org/payments/main", "3/consoleText", gitlab, payments3);

        jenkins.folder("team", FOLDER, folderConfig())
                .job("team/deploy", FREESTYLE, freestyle("./deploy.sh staging"), Map.of())
                .job("deploy-prod", FREESTYLE, deployProd, ordered(12, "Started by user admin\n+ ./deploy.sh prod\nFinished: SUCCESS\n",
                        11, "Started by user admin\nFinished: SUCCESS\n"))
                .job("nightly", PIPELINE, pipeline(), ordered(42, nightly42, 41, nightly41))
                .folder("webapp", MULTIBRANCH, multibranchConfig())
                .job("webapp/main", PIPELINE, pipeline(), ordered(19, "Branch event\nFinished: SUCCESS\n"))
                .job("webapp/feature%2Flogin", PIPELINE, pipeline(), ordered(7, login7))
                .folder("acme-org", ORGANIZATION, folderConfig())
                .folder("acme-org/payments", MULTIBRANCH, multibranchConfig())
                .job("acme-org/payments/main", PIPELINE, pipeline(), ordered(3, payments3));
        for (int i = 0; i < FILLER_JOBS; i++) {
            jenkins.job(String.format("svc-%03d", i), FREESTYLE, freestyle("make test"), Map.of());
        }
        jenkins.publish()
                .forbidConfig("nightly")
                .deleteBuild("deploy-prod", 11)
                .throttleOnce("nightly", 41, retryAfterSeconds);
    }

    private void plant(String job, String file, String value, String text) {
        String key = FakeJenkins.pathOf(job) + file;
        planted.put(key, value);
        texts.put(key, text);
    }

    /** The 1-based line of {@code value} in the text planted at {@code key}. */
    public int lineOf(String key) {
        String text = texts.get(key);
        return (int) text.substring(0, text.indexOf(planted.get(key))).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<Integer, String> ordered(Object... numberThenText) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < numberThenText.length; i += 2) {
            out.put((Integer) numberThenText[i], (String) numberThenText[i + 1]);
        }
        return out;
    }

    private static String freestyle(String command) {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<project>\n  <description>Deploys the web app</description>\n"
                + "  <keepDependencies>false</keepDependencies>\n  <properties/>\n  <scm class=\"hudson.scm.NullSCM\"/>\n"
                + "  <canRoam>true</canRoam>\n  <disabled>false</disabled>\n  <triggers/>\n  <concurrentBuild>false</concurrentBuild>\n"
                + "  <builders>\n    <hudson.tasks.Shell>\n      <command>" + command + "</command>\n"
                + "      <configuredLocalRules/>\n    </hudson.tasks.Shell>\n  </builders>\n  <publishers/>\n  <buildWrappers/>\n</project>\n";
    }

    private static String pipeline() {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin=\"workflow-job\">\n  <keepDependencies>false</keepDependencies>\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition\" plugin=\"workflow-cps\">\n"
                + "    <scriptPath>Jenkinsfile</scriptPath>\n    <lightweight>true</lightweight>\n  </definition>\n"
                + "  <disabled>false</disabled>\n</flow-definition>\n";
    }

    private static String folderConfig() {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<com.cloudbees.hudson.plugins.folder.Folder plugin=\"cloudbees-folder\">\n"
                + "  <properties/>\n  <folderViews class=\"com.cloudbees.hudson.plugins.folder.views.DefaultFolderViewHolder\"/>\n"
                + "</com.cloudbees.hudson.plugins.folder.Folder>\n";
    }

    private static String multibranchConfig() {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject plugin=\"workflow-multibranch\">\n"
                + "  <sources class=\"jenkins.branch.MultiBranchProject$BranchSourceList\" plugin=\"branch-api\">\n"
                + "    <data>\n      <jenkins.branch.BranchSource>\n        <source class=\"jenkins.plugins.git.GitSCMSource\" plugin=\"git\">\n"
                + "          <remote>https://git.example.com/acme/webapp.git</remote>\n          <credentialsId>git-ro</credentialsId>\n"
                + "        </source>\n      </jenkins.branch.BranchSource>\n    </data>\n  </sources>\n"
                + "</org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject>\n";
    }
}
