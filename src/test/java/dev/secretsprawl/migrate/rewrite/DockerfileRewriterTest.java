package dev.secretsprawl.migrate.rewrite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secretsprawl.migrate.rewrite.RewriteCase.one;
import static dev.secretsprawl.migrate.rewrite.RewriteCase.plant;
import static org.assertj.core.api.Assertions.assertThat;

class DockerfileRewriterTest {
    @Test
    void shouldDeclareTheBuildArgumentOncePerStage() {
        RewriteCase c = new RewriteCase("multi-stage", "Dockerfile", "dockerfile", """
                FROM node:20 AS deps
                ENV NPM_TOKEN={{V}}
                RUN npm config set //registry.npmjs.org/:_authToken={{V}} && npm ci
                FROM node:20-slim
                RUN npm config set //registry.npmjs.org/:_authToken={{V}}
                """, one(plant("npm", "NPM_TOKEN")), List.of(), 0, null, null);
        String text = c.text();

        Rewrite rewrite = new DockerfileRewriter().rewrite(text, RewritersTest.spots(c, text));

        assertThat(rewrite.text()).isEqualTo("""
                FROM node:20 AS deps
                ARG NPM_TOKEN
                ENV NPM_TOKEN=${NPM_TOKEN}
                RUN npm config set //registry.npmjs.org/:_authToken="$NPM_TOKEN" && npm ci
                FROM node:20-slim
                ARG NPM_TOKEN
                RUN npm config set //registry.npmjs.org/:_authToken="$NPM_TOKEN"
                """);
    }
}
