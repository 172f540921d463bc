package dev.secretsprawl.migrate.rewrite;

import java.util.List;
import java.util.stream.Stream;

import static dev.secretsprawl.migrate.rewrite.RewriteCase.one;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.plant;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.shared;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.two;

/** The file-type table: one realistic file per case, good and tricky quoting side by side. */
final class RewriteCases {
    private RewriteCases() {
    }

    static Stream<RewriteCase> all() {
        return Stream.of(trio(), jenkinsfiles(), ciFiles(), configFiles(), scripts()).flatMap(s -> s);
    }

    /** The same PostgreSQL password in a .env, a Jenkinsfile and a workflow: the lead's end-to-end shape. */
    static Stream<RewriteCase> trio() {
        return Stream.of(
                new RewriteCase("trio .env", ".env", "dotenv", """
                        # local database
                        DB_HOST=db.internal
                        DB_USER=app
                        DB_PASSWORD={{V}}
                        """, one(shared("DB_PASSWORD")), List.of("DB_PASSWORD=${DB_PASSWORD}"), 0, null, null),
                new RewriteCase("trio Jenkinsfile", "Jenkinsfile", "jenkinsfile", """
                        pipeline {
                            agent any
                            environment {
                                PGHOST = 'db.internal'
                                PGPASSWORD = '{{V}}'
                            }
                            stages {
                                stage('Migrate') {
                                    steps {
                                        sh 'psql -h db.internal -U app -c "select 1"'
                                    }
                                }
                            }
                        }
                        """, one(shared("DB_PASSWORD")), List.of("PGPASSWORD = credentials('db-password')"), 0,
                        null, null),
                new RewriteCase("trio workflow", ".github/workflows/migrate.yml", "github-actions", """
                        name: migrate
                        on: [push]
                        jobs:
                          migrate:
                            runs-on: ubuntu-latest
                            env:
                              PGHOST: db.internal
                              PGPASSWORD: {{V}}
                            steps:
                              - run: psql -h "$PGHOST" -U app -c 'select 1'
                        """, one(shared("DB_PASSWORD")), List.of("PGPASSWORD: ${{ secrets.DB_PASSWORD }}"), 0,
                        "/jobs/migrate/env/PGPASSWORD", "${{ secrets.DB_PASSWORD }}"));
    }

    static Stream<RewriteCase> jenkinsfiles() {
        return Stream.of(
                new RewriteCase("Jenkinsfile sh single-quoted, no environment block", "ci/release.jenkinsfile",
                        "jenkinsfile", """
                        pipeline {
                          agent { label 'linux' }
                          stages {
                            stage('Tag') {
                              steps {
                                sh 'curl -fsS -H "Authorization: token {{V}}" https://api.github.com/user'
                              }
                            }
                          }
                        }
                        """, one(plant("github-pat", "GITHUB_TOKEN")),
                        List.of("environment {", "GITHUB_TOKEN = credentials('github-token')",
                                "sh 'curl -fsS -H \"Authorization: token $GITHUB_TOKEN\" https://api.github.com/user'"),
                        3, null, null),
                new RewriteCase("Jenkinsfile GString, environment block gets a line", "Jenkinsfile", "jenkinsfile", """
                        pipeline {
                            agent any
                            environment {
                                REGISTRY = 'registry.internal'
                            }
                            stages {
                                stage('Publish') {
                                    steps {
                                        sh "npm config set //registry.npmjs.org/:_authToken={{V}} && npm publish"
                                    }
                                }
                            }
                        }
                        """, one(plant("npm", "NPM_TOKEN")),
                        List.of("NPM_TOKEN = credentials('npm-token')",
                                "sh \"npm config set //registry.npmjs.org/:_authToken=\\$NPM_TOKEN && npm publish\""),
                        1, null, null),
                new RewriteCase("Jenkinsfile git URL becomes a GString", "Jenkinsfile", "jenkinsfile", """
                        pipeline {
                            agent any
                            stages {
                                stage('Checkout') {
                                    steps {
                                        git url: 'https://oauth2:{{V}}@gitlab.example.org/group/app.git', branch: 'main'
                                    }
                                }
                            }
                        }
                        """, one(plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("git url: \"https://oauth2:${env.GITLAB_TOKEN}@gitlab.example.org/group/app.git\", branch: 'main'"),
                        3, null, null),
                new RewriteCase("Jenkinsfile triple-quoted sh", "Jenkinsfile.release", "jenkinsfile", """
                        pipeline {
                            agent any
                            stages {
                                stage('Release') {
                                    steps {
                                        sh '''
                                            glab auth login --hostname gitlab.example.org --token {{V}}
                                            glab release create v1
                                        '''
                                    }
                                }
                            }
                        }
                        """, one(plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("environment {", "GITLAB_TOKEN = credentials('gitlab-token')",
                                "glab auth login --hostname gitlab.example.org --token $GITLAB_TOKEN"), 3, null, null),
                new RewriteCase("Jenkinsfile URL in environment becomes a GString", "Jenkinsfile", "jenkinsfile", """
                        pipeline {
                            agent { docker { image 'postgres:16' } }
                            environment {
                                DATABASE_URL = 'postgres://app:{{V}}@db.internal:5432/app'
                            }
                            stages {
                                stage('Check') { steps { sh 'psql "$DATABASE_URL" -c "select 1"' } }
                            }
                        }
                        """, one(plant("password", "DB_PASSWORD")),
                        List.of("DB_PASSWORD = credentials('db-password')",
                                "DATABASE_URL = \"postgres://app:${env.DB_PASSWORD}@db.internal:5432/app\""),
                        1, null, null));
    }

    static Stream<RewriteCase> ciFiles() {
        return Stream.of(
                new RewriteCase("GitLab CI variable and script", ".gitlab-ci.yml", "gitlab-ci", """
                        variables:
                          SLACK_TOKEN: "{{A}}"
                        notify:
                          stage: deploy
                          script:
                            - 'curl -H "PRIVATE-TOKEN: {{B}}" https://gitlab.example.org/api/v4/projects'
                        """, two(plant("slack-bot", "SLACK_BOT_TOKEN"), plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("SLACK_TOKEN: \"$SLACK_BOT_TOKEN\"",
                                "- 'curl -H \"PRIVATE-TOKEN: $GITLAB_TOKEN\" https://gitlab.example.org/api/v4/projects'"),
                        0, "/variables/SLACK_TOKEN", "$SLACK_BOT_TOKEN"),
                new RewriteCase("GitLab script in shell single quotes", "ci/deploy.gitlab-ci.yml", "gitlab-ci", """
                        deploy:
                          script:
                            - git clone 'https://oauth2:{{A}}@gitlab.example.org/group/app.git'
                            - |
                              curl -fsS -H 'PRIVATE-TOKEN: {{B}}' https://gitlab.example.org/api/v4/projects
                        """, two(plant("gitlab-pat", "GITLAB_TOKEN"), plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("- git clone 'https://oauth2:'\"$GITLAB_TOKEN\"'@gitlab.example.org/group/app.git'",
                                "curl -fsS -H 'PRIVATE-TOKEN: '\"$GITLAB_TOKEN\" https://gitlab.example.org/api/v4/projects"),
                        0, "/deploy/script/0", "git clone 'https://oauth2:'\"$GITLAB_TOKEN\"'@gitlab.example.org/group/app.git'"),
                new RewriteCase("workflow with two values on one line", ".github/workflows/deploy.yaml",
                        "github-actions", """
                        on: push
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - run: ./deploy.sh --github-token {{A}} --npm-token {{B}}
                        """, two(plant("github-pat", "GH_TOKEN"), plant("npm", "NPM_TOKEN")),
                        List.of("- run: ./deploy.sh --github-token ${{ secrets.GH_TOKEN }} --npm-token ${{ secrets.NPM_TOKEN }}"),
                        0, null, null),
                new RewriteCase("compose environment", "docker-compose.yml", "compose", """
                        services:
                          db:
                            image: postgres:16
                            environment:
                              POSTGRES_USER: app
                              POSTGRES_PASSWORD: '{{V}}'
                        """, one(plant("password", "DB_PASSWORD")), List.of("POSTGRES_PASSWORD: '${DB_PASSWORD}'"), 0,
                        "/services/db/environment/POSTGRES_PASSWORD", "${DB_PASSWORD}"),
                new RewriteCase("Dockerfile ENV and ARG", "Dockerfile", "dockerfile", """
                        FROM node:20
                        ARG GITHUB_TOKEN={{A}}
                        ENV NPM_TOKEN={{B}}
                        RUN npm ci
                        """, two(plant("github-pat", "GITHUB_TOKEN"), plant("npm", "NPM_TOKEN")),
                        List.of("ARG GITHUB_TOKEN", "ARG NPM_TOKEN", "ENV NPM_TOKEN=${NPM_TOKEN}"), 1, null, null),
                new RewriteCase("Dockerfile RUN gets a build argument", "build/api.dockerfile", "dockerfile", """
                        FROM node:20 AS build
                        WORKDIR /app
                        RUN npm config set //registry.npmjs.org/:_authToken={{V}} \\
                         && npm ci
                        """, one(plant("npm", "NPM_TOKEN")),
                        List.of("ARG NPM_TOKEN", "RUN npm config set //registry.npmjs.org/:_authToken=\"$NPM_TOKEN\" \\"),
                        1, null, null),
                new RewriteCase("workflow flow mapping gets quotes", ".github/workflows/nightly.yml", "github-actions", """
                        on: schedule
                        jobs:
                          nightly:
                            runs-on: ubuntu-latest
                            env: {PGPASSWORD: {{V}}, PGHOST: db.internal}
                            steps:
                              - run: ./nightly.sh
                        """, one(plant("password", "DB_PASSWORD")),
                        List.of("env: {PGPASSWORD: \"${{ secrets.DB_PASSWORD }}\", PGHOST: db.internal}"), 0,
                        "/jobs/nightly/env/PGPASSWORD", "${{ secrets.DB_PASSWORD }}"));
    }

    static Stream<RewriteCase> configFiles() {
        return Stream.of(
                new RewriteCase("Spring YAML", "src/main/resources/application.yml", "yaml", """
                        spring:
                          datasource:
                            url: jdbc:postgresql://db.internal:5432/app
                            username: app
                            password: "{{V}}"
                        """, one(plant("password", "DB_PASSWORD")), List.of("password: \"${DB_PASSWORD}\""), 0,
                        "/spring/datasource/password", "${DB_PASSWORD}"),
                new RewriteCase("properties", "config/application.properties", "properties", """
                        spring.datasource.url=jdbc:postgresql://db.internal:5432/app
                        spring.datasource.username=app
                        spring.datasource.password={{V}}
                        """, one(plant("password", "DB_PASSWORD")), List.of("spring.datasource.password=${DB_PASSWORD}"),
                        0, null, null),
                new RewriteCase("JSON, two values on one line", "config/tokens.json", "json", """
                        {
                          "tokens": {"github": "{{A}}", "gitlab": "{{B}}"}
                        }
                        """, two(plant("github-pat", "GITHUB_TOKEN"), plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("\"tokens\": {\"github\": \"${GITHUB_TOKEN}\", \"gitlab\": \"${GITLAB_TOKEN}\"}"), 0,
                        "/tokens/gitlab", "${GITLAB_TOKEN}"),
                new RewriteCase("Maven settings XML", "settings.xml", "xml", """
                        <settings>
                          <servers>
                            <server>
                              <id>github</id>
                              <username>deploy</username>
                              <password>{{V}}</password>
                            </server>
                          </servers>
                        </settings>
                        """, one(plant("github-pat", "GITHUB_TOKEN")), List.of("<password>${GITHUB_TOKEN}</password>"),
                        0, null, null),
                new RewriteCase("TOML", "config/app.toml", "toml", """
                        [database]
                        host = "db.internal"
                        password = "{{V}}"
                        """, one(plant("password", "DB_PASSWORD")), List.of("password = \"${DB_PASSWORD}\""), 0,
                        null, null),
                new RewriteCase(".env with CRLF and single quotes", "deploy/prod.env", "dotenv", """
                        DB_USER=app
                        DB_PASSWORD='{{V}}'
                        """.replace("\n", "\r\n"), one(plant("password", "DB_PASSWORD")),
                        List.of("DB_PASSWORD=${DB_PASSWORD}"), 0, null, null),
                new RewriteCase(".env URL in single quotes gets double quotes", ".env.production", "dotenv", """
                        DATABASE_URL='postgres://app:{{V}}@db.internal:5432/app'
                        """, one(plant("password", "DB_PASSWORD")),
                        List.of("DATABASE_URL=\"postgres://app:${DB_PASSWORD}@db.internal:5432/app\""), 0, null, null),
                new RewriteCase("INI", "conf/app.ini", "ini", """
                        [database]
                        host = db.internal
                        password = {{V}}
                        """, one(plant("password", "DB_PASSWORD")), List.of("password = ${DB_PASSWORD}"), 0,
                        null, null));
    }

    static Stream<RewriteCase> scripts() {
        return Stream.of(
                new RewriteCase("shell assignment and single-quoted header", "scripts/release.sh", "shell", """
                        #!/bin/sh
                        set -eu
                        export PGPASSWORD='{{A}}'
                        curl -fsS -H 'Authorization: Bearer {{B}}' https://api.github.com/user
                        """, two(plant("password", "DB_PASSWORD"), plant("github-pat", "GITHUB_TOKEN")),
                        List.of("export PGPASSWORD=\"$DB_PASSWORD\"",
                                "curl -fsS -H 'Authorization: Bearer '\"$GITHUB_TOKEN\" https://api.github.com/user"),
                        0, null, null),
                new RewriteCase("shell double-quoted and bare", "bin/publish.bash", "shell", """
                        NPM_TOKEN="{{A}}"
                        glab auth login --token {{B}}
                        """, two(plant("npm", "NPM_TOKEN"), plant("gitlab-pat", "GITLAB_TOKEN")),
                        List.of("NPM_TOKEN=\"$NPM_TOKEN\"", "glab auth login --token \"$GITLAB_TOKEN\""), 0, null, null));
    }
}
