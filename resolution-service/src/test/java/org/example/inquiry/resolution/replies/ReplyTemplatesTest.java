package org.example.inquiry.resolution.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ReplyTemplatesTest {

  static final ReplyTemplates.Template LC =
      new ReplyTemplates.Template(
          "letter-of-credit.reply.en",
          "letter-of-credit",
          "REPLY",
          "en",
          "LC amendment",
          "Dear {contactName},\n\nwe are amending {letterOfCredit} for {amount} on {invoices}.\n\n{agent}");
  static final ReplyTemplates.Template GENERAL =
      new ReplyTemplates.Template(
          "general.reply.en", "general", "REPLY", "en", "Thanks", "Dear {contactName}, thanks.");

  @Test
  void aDraftIsTheTemplateFilledFromTheCaseWithItsGapsShown() {
    var library = new ReplyTemplates(List.of(GENERAL, LC));

    List<ReplyTemplates.Draft> drafts =
        library.drafts(
            List.of("letter-of-credit", "logistics-billing"),
            "en",
            Map.of(
                "contactName", "Dana Ortiz",
                "letterOfCredit", "LC-77",
                "amount", "USD 22,000.00",
                "agent", "ben"));

    assertThat(drafts)
        .extracting(ReplyTemplates.Draft::templateId)
        .as("the case's types first, then the general ones")
        .containsExactly("letter-of-credit.reply.en", "general.reply.en");
    ReplyTemplates.Draft lc = drafts.get(0);
    assertThat(lc.body())
        .isEqualTo(
            "Dear Dana Ortiz,\n\nwe are amending LC-77 for USD 22,000.00 on [invoices].\n\nben");
    assertThat(lc.gaps()).containsExactly("invoices");
    assertThat(library.drafts(List.of("letter-of-credit"), "de", Map.of())).isEmpty();
  }

  @Test
  void aValueWithRegexCharactersIsTakenLiterally() {
    var draft = ReplyTemplates.fill(LC, Map.of("contactName", "$1 \\ Ortiz"));
    assertThat(draft.body()).startsWith("Dear $1 \\ Ortiz,");
  }

  @Test
  void everyProblemOfTheLibraryIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                new ReplyTemplates(
                    List.of(
                        LC,
                        LC,
                        new ReplyTemplates.Template(
                            "x", "general", "SHOUT", "en", "t", "Hello {customer}"))))
        .hasMessageContaining("template letter-of-credit.reply.en appears twice")
        .hasMessageContaining("kind 'SHOUT'")
        .hasMessageContaining("unknown placeholder {customer}");
  }

  @Test
  void theShippedLibraryCoversEveryTypeInEveryLanguageBothWays() throws IOException {
    var env = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("reply-templates", new ClassPathResource("reply-templates.yml"))
        .forEach(env.getPropertySources()::addLast);
    List<ReplyTemplates.Template> shipped =
        Binder.get(env)
            .bind("resolution.reply-templates", Bindable.listOf(ReplyTemplates.Template.class))
            .get();
    var library = new ReplyTemplates(shipped);

    Set<String> types =
        Set.of(
            "billing-discrepancy",
            "credit-limit",
            "debt-restructuring",
            "dispute",
            "general",
            "invoice-copy",
            "kyc-master-data",
            "letter-of-credit",
            "logistics-billing",
            "payment-status",
            "payment-terms",
            "refund",
            "treasury-fx");
    assertThat(library.languages()).containsExactly("de", "en");
    for (String language : library.languages()) {
      for (String type : types) {
        assertThat(
                shipped.stream()
                    .filter(t -> t.type().equals(type) && t.language().equals(language))
                    .map(ReplyTemplates.Template::kind)
                    .collect(Collectors.toSet()))
            .as(type + " in " + language)
            .containsExactlyInAnyOrder("REPLY", "INFORMATION_REQUEST");
      }
    }
    assertThat(shipped).allSatisfy(t -> assertThat(t.body()).contains("{contactName}"));
  }
}
