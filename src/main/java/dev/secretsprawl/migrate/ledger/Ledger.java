package dev.secretsprawl.migrate.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The migration journal: {@code .sprawl/ledger.jsonl}, one JSON record per line, appended and never
 * rewritten. Each record holds the SHA-256 of the line before it and its own hash over its canonical form,
 * so an edited, removed or reordered line breaks the chain ({@link LedgerTamperedException}). Appends are
 * forced to disk before they return: a record on disk means its step happened.
 */
public final class Ledger {
    public static final Path DEFAULT = Path.of(".sprawl", "ledger.jsonl");
    private static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path file;
    private final List<LedgerRecord> records;
    /** What the first append must repair at the end of the file first; reading never writes. */
    private Tail tail;

    /** The end of the file as found: fine, a whole last record without its newline, or a torn one to cut off. */
    private record Tail(long truncateTo, boolean addNewline) {
        static final Tail CLEAN = new Tail(-1, false);
    }

    private Ledger(Path file, List<LedgerRecord> records, Tail tail) {
        this.file = file;
        this.records = records;
        this.tail = tail;
    }

    /** Reads and checks the ledger at FILE; a missing file is an empty ledger. */
    public static Ledger open(Path file) throws IOException {
        List<LedgerRecord> records = new ArrayList<>();
        Tail tail = Tail.CLEAN;
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            tail = tailOf(bytes);
            int usable = tail.truncateTo() >= 0 ? (int) tail.truncateTo() : bytes.length;
            List<String> lines = new String(bytes, 0, usable, StandardCharsets.UTF_8).lines().toList();
            String prev = GENESIS;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                LedgerRecord r = parse(file, i + 1, line);
                if (!r.prev().equals(prev)) {
                    throw new LedgerTamperedException(file, i + 1, "it does not follow the line before it");
                }
                if (!r.hash().equals(hashOf(r))) {
                    throw new LedgerTamperedException(file, i + 1, "its content does not match its hash");
                }
                if (r.seq() != records.size() + 1) {
                    throw new LedgerTamperedException(file, i + 1, "its sequence number is out of order");
                }
                records.add(r);
                prev = r.hash();
            }
        }
        return new Ledger(file, records, tail);
    }

    /**
     * A crash in the middle of an append leaves a last line without its newline: that record was never
     * confirmed (its step reruns), so it is left out and cut off before the next append. A whole record that
     * only lost its newline (an editor strips it) is kept, and its newline put back before the next append.
     */
    private static Tail tailOf(byte[] bytes) {
        int end = bytes.length;
        if (end == 0 || bytes[end - 1] == '\n') {
            return Tail.CLEAN;
        }
        int lastNewline = end - 1;
        while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
            lastNewline--;
        }
        String last = new String(bytes, lastNewline + 1, end - lastNewline - 1, StandardCharsets.UTF_8);
        return whole(last) ? new Tail(-1, true) : new Tail(lastNewline + 1L, false);
    }

    private void repairTail(FileChannel c) throws IOException {
        if (tail.truncateTo() >= 0) {
            c.truncate(tail.truncateTo());
        } else if (tail.addNewline()) {
            c.position(c.size());
            c.write(java.nio.ByteBuffer.wrap(new byte[]{'\n'}));
        }
        tail = Tail.CLEAN;
    }

    /** A line that parses as a sealed record (its chain is checked with the rest). */
    private static boolean whole(String line) {
        try {
            JsonNode n = JSON.readTree(line.strip());
            return n != null && n.isObject() && n.hasNonNull("hash") && n.hasNonNull("prev");
        } catch (IOException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    public List<LedgerRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /** Appends one record and forces it to disk. */
    public synchronized LedgerRecord append(String migration, String credential, Step step, Map<String, Object> data)
            throws IOException {
        String prev = records.isEmpty() ? GENESIS : records.get(records.size() - 1).hash();
        LedgerRecord unsealed = new LedgerRecord(records.size() + 1, Instant.now(), migration, credential, step,
                new TreeMap<>(data), prev, "");
        LedgerRecord sealed = new LedgerRecord(unsealed.seq(), unsealed.at(), migration, credential, step,
                unsealed.data(), prev, hashOf(unsealed));
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (JSON.writeValueAsString(toJson(sealed, true)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            repairTail(out);
            out.position(out.size());
            out.write(java.nio.ByteBuffer.wrap(line));
            out.force(true);
        }
        records.add(sealed);
        return sealed;
    }

    private static String hashOf(LedgerRecord r) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(toJson(r, false));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a ledger record", e);
        }
    }

    private static ObjectNode toJson(LedgerRecord r, boolean withHash) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", r.seq());
        n.put("at", r.at().toString());
        n.put("migration", r.migration());
        n.put("credential", r.credential());
        n.put("step", r.step().label());
        n.set("data", JSON.valueToTree(new TreeMap<>(r.data())));
        n.put("prev", r.prev());
        if (withHash) {
            n.put("hash", r.hash());
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static LedgerRecord parse(Path file, int line, String text) throws LedgerTamperedException {
        try {
            JsonNode n = JSON.readTree(text);
            Map<String, Object> data = JSON.convertValue(n.get("data"), LinkedHashMap.class);
            return new LedgerRecord(n.get("seq").asLong(), Instant.parse(n.get("at").asText()),
                    n.get("migration").asText(), n.get("credential").asText(), Step.of(n.get("step").asText()),
                    data, n.get("prev").asText(), n.get("hash").asText());
        } catch (IOException | RuntimeException e) {
            throw new LedgerTamperedException(file, line, "it is not a ledger record");
        }
    }
}
