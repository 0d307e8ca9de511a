package dev.recon.rules.dsl.internal.check;

/** The type of an expression. {@link #ERROR} marks an expression already reported as wrong. */
public enum Type {
    BOOL("boolean"),
    LONG("long"),
    STRING("string"),
    LIST("list"),
    MAP("map"),
    ERROR("error");

    private final String display;

    Type(String display) {
        this.display = display;
    }

    /** The name used in messages. */
    public String display() {
        return display;
    }
}
