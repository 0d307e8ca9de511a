package dev.recon.loadgen.internal;

import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.InjectedFault;
import dev.recon.loadgen.LoadGenException;
import dev.recon.loadgen.RunInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@link GroundTruth} as JSON lines: a run line, then fault and alert lines. */
public final class GroundTruthCodec {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int FORMAT = 1;

    private GroundTruthCodec() {}

    /** Writes the ground truth to a file, replacing it. */
    public static void write(GroundTruth truth, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeLine(out, GroundTruthLines.run(truth));
            for (InjectedFault f : truth.faults()) {
                writeLine(out, GroundTruthLines.fault(f));
            }
            for (ExpectedAlert a : truth.expectedAlerts()) {
                writeLine(out, GroundTruthLines.expected(a));
            }
        } catch (IOException e) {
            throw new LoadGenException("cannot write ground truth " + file + ": " + e, e);
        }
    }

    /** Reads a file written by {@link #write}; errors name the file and line. */
    public static GroundTruth read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file);
        } catch (IOException e) {
            throw new LoadGenException("cannot read ground truth " + file + ": " + e, e);
        }
    }

    private static GroundTruth read(BufferedReader in, Path file) throws IOException {
        Parts parts = new Parts();
        String line;
        for (int n = 1; (line = in.readLine()) != null; n++) {
            try {
                parts.accept(line);
            } catch (IllegalArgumentException e) {
                throw new LoadGenException(
                        "ground truth " + file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        if (parts.run == null) {
            throw new LoadGenException("ground truth " + file + " has no \"type\":\"run\" line");
        }
        return new GroundTruth(
                parts.run, parts.sent[0], parts.sent[1], parts.faults, parts.expected);
    }

    /** The lines read so far, by type. */
    private static final class Parts {
        RunInfo run;
        final long[] sent = new long[2];
        final List<InjectedFault> faults = new ArrayList<>();
        final List<ExpectedAlert> expected = new ArrayList<>();

        void accept(String line) {
            if (line.isBlank()) {
                return;
            }
            ObjectNode node = parse(line);
            String type = GroundTruthLines.text(node, "type");
            switch (type) {
                case "run" -> run = GroundTruthLines.toRun(node, sent);
                case "fault" -> faults.add(GroundTruthLines.toFault(node));
                case "expected_alert" -> expected.add(GroundTruthLines.toExpected(node));
                default -> throw new IllegalArgumentException("unknown type '" + type + "'");
            }
        }
    }

    private static ObjectNode parse(String line) {
        try {
            if (MAPPER.readTree(line) instanceof ObjectNode node) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("not a JSON object");
    }

    private static void writeLine(BufferedWriter out, ObjectNode node) throws IOException {
        out.write(MAPPER.writeValueAsString(node));
        out.newLine();
    }
}
