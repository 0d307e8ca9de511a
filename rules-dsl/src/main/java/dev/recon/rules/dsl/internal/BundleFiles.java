package dev.recon.rules.dsl.internal;

import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.internal.lexer.Lexer;
import dev.recon.rules.dsl.internal.lexer.StringValue;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** Reads a bundle from disk: rule files and the schema files they reference. */
public final class BundleFiles {
    private BundleFiles() {}

    /** See {@link RuleBundle#fromPath}. */
    public static RuleBundle read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        TreeMap<String, String> rules = new TreeMap<>();
        TreeMap<String, String> schemas = new TreeMap<>();
        List<Path> files = ruleFiles(path);
        if (files.size() > Limits.MAX_FILES) {
            throw new IOException(
                    path + " has " + files.size() + " rule files; at most " + Limits.MAX_FILES);
        }
        for (Path file : files) {
            String text =
                    decode(
                            readCapped(
                                    file,
                                    file.getFileName().toString(),
                                    "rule files",
                                    Limits.MAX_RULE_FILE_BYTES));
            rules.put(file.getFileName().toString(), text);
            for (String ref : schemaReferences(file.getFileName().toString(), text)) {
                readSchema(file, ref, schemas);
            }
        }
        return new RuleBundle(rules, schemas);
    }

    private static List<Path> ruleFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(path, "*.rules")) {
            return java.util.stream.StreamSupport.stream(dir.spliterator(), false)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** The strings written after {@code schema} (not as a field name after '.'). */
    static List<String> schemaReferences(String name, String text) {
        List<Token> tokens = Lexer.lex(new SourceFile(name, text), new Reporter());
        List<String> refs = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            boolean field = i > 0 && tokens.get(i - 1).kind() == TokenKind.DOT;
            if (tokens.get(i).is("schema")
                    && !field
                    && tokens.get(i + 1).kind() == TokenKind.STRING) {
                refs.add(((StringValue) tokens.get(i + 1).value()).value());
            }
        }
        return refs;
    }

    /**
     * Reads a referenced schema; one that is not a regular file or cannot be read is left out (the
     * compiler reports "schema file not found" at the reference), one that is too large is refused.
     */
    private static void readSchema(Path ruleFile, String ref, TreeMap<String, String> schemas)
            throws IOException {
        if (schemas.containsKey(ref)) {
            return;
        }
        Path schema;
        try {
            schema = ruleFile.toAbsolutePath().getParent().resolve(ref).normalize();
        } catch (InvalidPathException bad) {
            return;
        }
        if (!Files.isRegularFile(schema) || !Files.isReadable(schema)) {
            return;
        }
        String what = "schema \"" + ref + "\" (of " + ruleFile.getFileName() + ")";
        schemas.put(ref, decode(readCapped(schema, what, "schema files", Limits.MAX_SCHEMA_BYTES)));
    }

    /**
     * The bytes of a file, refused by its size before it is read: "{what} is 50.0 MiB; rule files
     * are limited to 1 MiB". A file that grows while it is read is cut at the limit plus one byte,
     * which the compiler reports as too large.
     */
    private static byte[] readCapped(Path file, String what, String kind, int limit)
            throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw new IOException(
                    what + " is " + Limits.size(size) + "; " + Limits.limit(kind, limit));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit + 1);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
