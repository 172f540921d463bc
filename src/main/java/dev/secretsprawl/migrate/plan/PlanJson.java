package dev.secretsprawl.migrate.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.secretsprawl.scan.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes plan files. A plan that does not parse is reported without quoting it. */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanJson() {
    }

    public static String write(MigrationPlan plan) {
        try {
            return JSON.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan could not be written as JSON", e);
        }
    }

    public static void write(MigrationPlan plan, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(write(plan)));
    }

    public static MigrationPlan read(Path file) throws IOException {
        try {
            MigrationPlan plan = JSON.readValue(Files.readAllBytes(file), MigrationPlan.class);
            if (plan == null || !MigrationPlan.FORMAT.equals(plan.format()) || plan.credentials() == null) {
                throw new PlanException(file + " is not a Secret Sprawl migration plan (" + MigrationPlan.FORMAT
                        + "); make one with: sprawl migrate plan PATH --to DEST --output " + file.getFileName());
            }
            return plan;
        } catch (NoSuchFileException e) {
            throw new PlanException("no plan at " + file + "; make one with: sprawl migrate plan PATH --to DEST --output "
                    + file.getFileName());
        } catch (JsonProcessingException e) {
            throw new PlanException(file + " is not valid plan JSON (line " + e.getLocation().getLineNr()
                    + "); make a new one with sprawl migrate plan");
        }
    }
}
