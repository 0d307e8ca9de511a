package dev.recon.rules.dsl.internal;

import dev.recon.rules.dsl.RuleBundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The JSON form of a bundle: {@code {"format":1,"rule_files":{..},"schemas":{..}}}. */
public final class BundleJson {
    /** The only format version so far. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("format", "rule_files", "schemas");

    private BundleJson() {}

    /** See {@link RuleBundle#toJson()}. */
    public static byte[] write(RuleBundle bundle) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        bundle.ruleFiles().forEach(root.putObject("rule_files")::put);
        bundle.schemas().forEach(root.putObject("schemas")::put);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** See {@link RuleBundle#fromJson(byte[])}. */
    public static RuleBundle read(byte[] json) {
        if (json.length > Limits.MAX_BUNDLE_JSON_BYTES) {
            throw invalid(
                    "it is "
                            + Limits.size(json.length)
                            + "; "
                            + Limits.limit("rule bundles", Limits.MAX_BUNDLE_JSON_BYTES));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            throw invalid(
                    "not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw invalid("expected an object with format, rule_files and schemas");
        }
        root.fieldNames()
                .forEachRemaining(
                        k -> {
                            if (!KEYS.contains(k)) {
                                throw invalid(
                                        "unknown key \""
                                                + k
                                                + "\" (expected format, rule_files, schemas)");
                            }
                        });
        if (!root.path("format").isInt() || root.get("format").intValue() != FORMAT) {
            throw invalid("\"format\" must be " + FORMAT + ", found " + root.get("format"));
        }
        return new RuleBundle(files(root, "rule_files"), files(root, "schemas"));
    }

    private static TreeMap<String, String> files(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || !node.isObject()) {
            throw invalid("\"" + key + "\" must be an object of file name to text");
        }
        TreeMap<String, String> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw invalid("\"" + key + "\"." + e.getKey() + " must be a string");
            }
            files.put(e.getKey(), e.getValue().textValue());
        }
        return files;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid rule bundle JSON: " + why);
    }
}
