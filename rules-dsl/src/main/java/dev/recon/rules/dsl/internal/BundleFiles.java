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
        for (Path file : ruleFiles(path)) {
            String text = decode(readCapped(file));
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

    private static void readSchema(Path ruleFile, String ref, TreeMap<String, String> schemas) {
        if (schemas.containsKey(ref)) {
            return;
        }
        try {
            Path parent = ruleFile.toAbsolutePath().getParent();
            Path schema = parent.resolve(ref).normalize();
            if (Files.isRegularFile(schema)) {
                schemas.put(ref, decode(readCapped(schema)));
            }
        } catch (IOException | InvalidPathException unreadable) {
            // left out: the compiler reports "schema file not found" at the reference
        }
    }

    /** At most one character more than the compiler accepts, so a huge file costs little. */
    private static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Frontend.MAX_FILE_CHARS * 4 + 4);
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
