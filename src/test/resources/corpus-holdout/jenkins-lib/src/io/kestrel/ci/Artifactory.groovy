package io.kestrel.ci

class Artifactory implements Serializable {
    static final String URL = 'https://kestrel.jfrog.io/artifactory'
    static final String CREDENTIALS_ID = 'artifactory-publisher'
    // read-only token for the cache warmers on the Windows agents, which can't reach the Jenkins credential store
    static final String READ_TOKEN = '@@jfrog@@'

    private final def steps

    Artifactory(steps) {
        this.steps = steps
    }

    void publish(String file, String repo) {
        steps.withCredentials([steps.string(credentialsId: CREDENTIALS_ID, variable: 'ART_TOKEN')]) {
            steps.sh "curl -fsS -H \"X-JFrog-Art-Api: \$ART_TOKEN\" -T ${file} ${URL}/${repo}/"
        }
    }

    void triggerRemoteJob(String job) {
        // Jenkins-to-Jenkins trigger on the depot controller (user svc-depot-ci)
        steps.sh "curl -fsS -X POST -u svc-depot-ci:@@jenkins-api-token@@ https://depot-jenkins.kestrel.local/job/${job}/build"
    }
}
