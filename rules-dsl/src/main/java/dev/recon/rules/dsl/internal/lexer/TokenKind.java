package dev.recon.rules.dsl.internal.lexer;

/** The kinds of tokens of a rule file; words (keywords included) are all {@link #IDENT}. */
public enum TokenKind {
    IDENT("a name"),
    NUMBER("a number"),
    STRING("a string"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    LPAREN("'('"),
    RPAREN("')'"),
    LBRACKET("'['"),
    RBRACKET("']'"),
    COMMA("','"),
    DOT("'.'"),
    COLON("':'"),
    ARROW("'->'"),
    EQ("'=='"),
    NE("'!='"),
    LT("'<'"),
    LE("'<='"),
    GT("'>'"),
    GE("'>='"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    EOF("the end of the file");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** How the kind is named in messages, e.g. {@code '{'} or {@code a string}. */
    public String display() {
        return display;
    }
}
