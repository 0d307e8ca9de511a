package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.Limits;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Suggestions;

import org.apache.avro.Schema;

import java.util.Map;

/**
 * Checks a stream: a valid topic name, a schema file that exists and is an Avro record, and key, id
 * and time fields of the right types that are never null.
 */
final class StreamChecker {
    private final Reporter r;
    private final Map<String, String> schemas;

    StreamChecker(Reporter reporter, Map<String, String> schemas) {
        this.r = reporter;
        this.schemas = schemas;
    }

    /** The checked stream, or null when it has errors (they are reported). */
    Checked.Stream check(StreamDecl d) {
        if (d.topic() == null
                || d.schema() == null
                || d.key() == null
                || d.id() == null
                || d.time() == null) {
            return null; // a missing clause was reported by the parser
        }
        if (!d.topic().value().matches("[a-zA-Z0-9._-]{1,249}")) {
            r.error(
                    d.topic().span(),
                    "invalid topic name \""
                            + d.topic().value()
                            + "\": use 1 to"
                            + " 249 letters, digits, '.', '_' and '-'");
        }
        Schema schema = schema(d);
        if (schema == null) {
            return null;
        }
        String name = d.name().text();
        boolean ok = field(name, schema, d.key(), Type.STRING, "the key");
        ok &= field(name, schema, d.id(), Type.STRING, "the id");
        ok &= field(name, schema, d.time(), Type.LONG, "the event time");
        return ok ? new Checked.Stream(d, schema) : null;
    }

    private Schema schema(StreamDecl d) {
        String ref = d.schema().value();
        String text = schemas.get(ref);
        if (text == null) {
            r.error(
                    d.schema().span(),
                    "schema file not found: \""
                            + ref
                            + "\" (a path relative to"
                            + " this rules file, to a readable regular file)");
            return null;
        }
        long bytes = Limits.utf8Length(text, Limits.MAX_SCHEMA_BYTES);
        if (bytes > Limits.MAX_SCHEMA_BYTES) {
            r.error(
                    d.schema().span(),
                    "schema \"%s\" is %s; %s"
                            .formatted(
                                    ref,
                                    Limits.size(bytes),
                                    Limits.limit("schema files", Limits.MAX_SCHEMA_BYTES)));
            return null;
        }
        try {
            Schema s = new Schema.Parser().parse(text);
            if (s.getType() == Schema.Type.RECORD) {
                return s;
            }
            r.error(
                    d.schema().span(),
                    "schema \"" + ref + "\" is " + s.getType().getName() + ", not a record");
        } catch (RuntimeException | StackOverflowError e) {
            r.error(d.schema().span(), "invalid Avro schema in \"" + ref + "\": " + brief(e));
        }
        return null;
    }

    private boolean field(String stream, Schema schema, Ident ref, Type want, String role) {
        Schema.Field f = schema.getField(ref.text());
        if (f == null) {
            r.error(
                    ref.span(),
                    "unknown field '%s' in %s%s"
                            .formatted(
                                    ref.text(),
                                    stream,
                                    Suggestions.didYouMean(
                                            ref.text(), FieldResolver.names(schema))));
            return false;
        }
        boolean time = want == Type.LONG;
        boolean typeOk =
                time
                        ? f.schema().getType() == Schema.Type.LONG
                        : SchemaTypes.of(f) == Type.STRING && !SchemaTypes.nullable(f);
        if (!typeOk) {
            String must = time ? "a long (epoch milliseconds)" : "a string";
            r.error(
                    ref.span(),
                    "%s field '%s' of %s must be %s that is never null, found %s"
                            .formatted(role, ref.text(), stream, must, f.schema()));
        }
        return typeOk;
    }

    /** The first line of the innermost message, at most 200 characters. */
    private static String brief(Throwable e) {
        while (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
            e = e.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.lines().findFirst().orElse("");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
