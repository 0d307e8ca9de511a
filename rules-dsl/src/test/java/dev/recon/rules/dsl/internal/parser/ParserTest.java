package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.Diagnostic;
import dev.recon.rules.dsl.internal.ast.Decl;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.RuleFile;
import dev.recon.rules.dsl.internal.lexer.Lexer;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Parser} and the Pratt expression parser. */
class ParserTest {
    private final Reporter reporter = new Reporter();

    private String expr(String text) {
        SourceFile file = new SourceFile("t.rules", text);
        TokenCursor c = new TokenCursor(file, Lexer.lex(file, reporter), reporter);
        try {
            return AstPrinter.print(new ExprParser(c).parse());
        } catch (ParseAbort e) {
            return "abort";
        }
    }

    private List<String> errors() {
        return reporter.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a or b and c                  | (or a (and b c))",
                "a and b or c                  | (or (and a b) c)",
                "not a and b                   | (and (not a) b)",
                "not a == b                    | (not (== a b))",
                "a + b * c - d                 | (- (+ a (* b c)) d)",
                "a - b - c                     | (- (- a b) c)",
                "-a * b                        | (* (- a) b)",
                "-5 + 3                        | (+ -5 3)",
                "a + b < c * 2 and d           | (and (< (+ a b) (* c 2)) d)",
                "(a or b) and c                | (and (or a b) c)",
                "r.x within 10 bps of l.x + 1  | (within 10bps r.x (+ l.x 1))",
                "r.x within 0 of l.x and t     | (and (within 0 r.x l.x) t)",
                "r.x within 5bps of l.x        | (within 5bps r.x l.x)",
                "x in [\"A\", \"B\"] or y      | (or (in x [\"A\" \"B\"]) y)",
                "x not in [1, 2]               | (not (in x [1 2]))",
                "r.s in m[l.s]                 | (in r.s (index m l.s))",
                "r.s in {\"A\": [\"B\"]}[l.s]  | (in r.s (index {\"A\": [\"B\"]} l.s))",
                "x is not null and y is null   | (and (is-not-null x) (is-null y))",
                "abs(a - b) > coalesce(c, 0)   | (> (abs (- a b)) (coalesce c 0))",
                "starts_with(trim(x), \"p-\")  | (starts_with (trim x) \"p-\")",
                "true == not false             | (== true (not false))",
            })
    void precedenceAndAssociativity(String source, String tree) {
        assertThat(expr(source)).isEqualTo(tree);
    }

    @Test
    void comparisonsDoNotChain() {
        assertThat(expr("a < b < c")).isEqualTo("abort");
        assertThat(errors())
                .containsExactly("comparisons cannot be chained: combine them with 'and'");
    }

    @Test
    void nestingIsLimitedByParenthesesAndByLongChains() {
        assertThat(expr("(".repeat(100) + "a" + ")".repeat(100))).isEqualTo("abort");
        assertThat(expr(String.join(" + ", java.util.Collections.nCopies(200, "a"))))
                .isEqualTo("abort");
        assertThat(expr("(".repeat(30) + "a" + ")".repeat(30))).isEqualTo("a");
        assertThat(errors())
                .containsExactly(
                        "expression nested too deeply (limit 64)",
                        "expression nested too deeply (limit 64)");
    }

    @Test
    void expectationsSayWhatWasExpected() {
        expr("x within 5 y");
        expr("x is 5");
        expr("f(a b)");
        expr("x == null");
        assertThat(errors())
                .containsExactlyInAnyOrder(
                        "expected 'of' after the tolerance (as in 'within 0 of x'), found 'y'",
                        "expected 'null' after 'is', found '5'",
                        "expected ',' or ')' in the arguments of f(...), found 'b'",
                        "there is no null value to compare with: write 'x is null' or 'x is not null'");
    }

    private RuleFile parse(String text) {
        return Parser.parse(new SourceFile("t.rules", text), reporter);
    }

    @Test
    void declarationsParseWithDashedIdsAndInlineLifecycleRules() {
        RuleFile f =
                parse(
                        """
                stream s { topic "t" schema "s.avsc" key k id i time t }
                reconcile pay-vs-bill s -> u {
                  deadline u 2s
                  missing u id u-missing-2 severity critical message "m"
                  rule amount-match-v2 { severity error check true at_risk 0 message "x" }
                }
                """);
        assertThat(errors()).isEmpty();
        assertThat(f.decls()).hasSize(2);
        StreamDecl s = (StreamDecl) f.decls().get(0);
        assertThat(s.time().text()).isEqualTo("t");
        ReconcileDecl r = (ReconcileDecl) f.decls().get(1);
        assertThat(r.name().text()).isEqualTo("pay-vs-bill");
        assertThat(r.deadlines().get(0).duration().duration()).hasSeconds(2);
        assertThat(r.lifecycle().get(0).id().text()).isEqualTo("u-missing-2");
        RuleDecl rule = r.rules().get(0);
        assertThat(rule.id().text()).isEqualTo("amount-match-v2");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aDashWithSpacesIsNotPartOfAnId() {
        parse("reconcile a - b s -> u { }");
        assertThat(errors()).first().asString().startsWith("expected the left (upstream) stream");
    }

    @Test
    void recoveryReportsEveryBrokenClauseAndKeepsTheRest() {
        RuleFile f =
                parse(
                        """
                stream s { topic 5 schema "s.avsc" key k id i time t }
                reconcile "r" s -> u {
                  rule a { severity error check x + at_risk 0 message "x" }
                  rule b { severity error check y == at_risk 0 message "x" }
                  rule c { severity error check true at_risk 0 message "x" }
                }
                stream v { topic "v" schema "v.avsc" key k id i time t }
                """);
        assertThat(errors())
                .containsExactly(
                        "expected the topic in quotes, found '5'",
                        "expected an expression, found 'at_risk'",
                        "expected an expression, found 'at_risk'");
        List<Decl> decls = f.decls();
        assertThat(decls).hasSize(3);
        ReconcileDecl r = (ReconcileDecl) decls.get(1);
        assertThat(r.rules()).extracting(x -> x.id().text()).containsExactly("a", "b", "c");
        assertThat(r.rules().get(2).check()).isInstanceOf(Expr.BoolLit.class);
    }

    @Test
    void aForgottenBraceEndsTheBlockAtTheNextDeclaration() {
        RuleFile f =
                parse(
                        """
                stream s { topic "t" schema "s.avsc" key k id i
                stream v { topic "v" schema "v.avsc" key k id i time t }
                """);
        assertThat(errors())
                .containsExactly(
                        "expected '}' to close stream 's' opened at t.rules:1:10, found 'stream'");
        assertThat(f.decls()).hasSize(1);
    }

    @Test
    void aStreamFilterIsAnOptionalExpressionClauseInAnyPosition() {
        RuleFile f =
                parse(
                        """
                stream s {
                  topic "t" schema "s.avsc"
                  filter status != "FAILED" and s.amount_minor > 0   # a comment
                  key k id i time t
                }
                stream u { topic "u" schema "u.avsc" key k id i time t }
                """);
        assertThat(errors()).isEmpty();
        StreamDecl s = (StreamDecl) f.decls().get(0);
        assertThat(AstPrinter.print(s.filter()))
                .isEqualTo("(and (!= status \"FAILED\") (> s.amount_minor 0))");
        assertThat(s.key().text()).isEqualTo("k");
        assertThat(((StreamDecl) f.decls().get(1)).filter()).isNull();
    }

    @Test
    void aStreamFilterIsGivenOnceAndNeedsAnExpression() {
        parse(
                """
                stream s { topic "t" schema "s.avsc" key k id i time t filter a filter b }
                stream u { topic "u" schema "u.avsc" key k id i time t filter }
                """);
        assertThat(errors())
                .containsExactly(
                        "'filter' is given twice in stream 's' (first at t.rules:1:56)",
                        "expected an expression, found '}'");
    }
}
