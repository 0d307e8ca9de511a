package dev.recon.loadgen.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GNU-style flags of one subcommand: {@code --name value}, {@code --name=value}, {@code --help}.
 */
public final class Flags {
    private final Map<String, String> values;
    private final boolean help;

    private Flags(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /**
     * Parses the arguments after the subcommand.
     *
     * @param command the subcommand, for messages
     * @param allowed the flags of this subcommand, with their leading dashes
     * @param others flags of other subcommands, for a more helpful message
     */
    public static Flags parse(
            String command, List<String> args, Set<String> allowed, Set<String> others)
            throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            checkKnown(command, name, allowed, others);
            String value = eq >= 0 ? arg.substring(eq + 1) : valueAfter(name, args, i++);
            if (values.put(name, value) != null) {
                throw new UsageException(name + " is given more than once");
            }
        }
        return new Flags(values, help);
    }

    /** The argument after {@code args[flagAt]}, which must not itself be a flag. */
    private static String valueAfter(String name, List<String> args, int flagAt)
            throws UsageException {
        int i = flagAt + 1;
        if (i < args.size() && !args.get(i).startsWith("--")) {
            return args.get(i);
        }
        throw new UsageException(name + " needs a value");
    }

    private static void checkKnown(
            String command, String name, Set<String> allowed, Set<String> others)
            throws UsageException {
        if (allowed.contains(name)) {
            return;
        }
        if (others.contains(name)) {
            throw new UsageException(name + " is not a flag of '" + command + "'");
        }
        throw new UsageException("unknown flag " + name + " for '" + command + "'");
    }

    /** Whether {@code --help} or {@code -h} was given. */
    public boolean help() {
        return help;
    }

    /** A non-empty text value, or the default. */
    public String text(String name, String def) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        if (v.isBlank()) {
            throw new UsageException(name + " expects a non-empty value");
        }
        return v.trim();
    }

    /** A whole number of at least {@code min}, or the default. */
    public long wholeNumber(String name, long def, long min) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " expects a whole number >= " + min + ", got '" + v + "'");
    }

    /** A decimal number in {@code [min, max]}, or the default. */
    public double decimal(String name, double def, double min, double max, String why)
            throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                String.format(
                        "%s expects a number from %s to %.4f%s, got '%s'", name, min, max, why, v));
    }

    /** A file path, or the default. */
    public Path path(String name, Path def) throws UsageException {
        String v = text(name, null);
        return v == null ? def : Path.of(v);
    }
}
