package org.example.inquiry.resolution.replies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply-template library: per inquiry type, kind (reply or request for information) and
 * language, a text with placeholders that a case fills (customer, contact, documents, amounts, the
 * agent). An agent picks a draft, edits it and sends it as a reply or request. Placeholders a case
 * has no value for stay visible as {@code [name]} and are listed, so nothing half-filled goes out
 * unnoticed. Pure.
 */
public final class ReplyTemplates {

  /** The placeholders a template may use. */
  public static final Set<String> PLACEHOLDERS =
      Set.of(
          "contactName",
          "customerName",
          "inquiryId",
          "invoices",
          "amount",
          "letterOfCredit",
          "orders",
          "agent");

  static final Set<String> KINDS = Set.of("REPLY", "INFORMATION_REQUEST");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  /** One template as configured. */
  public record Template(
      String id, String type, String kind, String language, String title, String body) {}

  /**
   * A template filled from a case, to edit and send.
   *
   * @param gaps the placeholders the case had no value for (left as {@code [name]} in the body)
   */
  public record Draft(
      String templateId,
      String type,
      String kind,
      String language,
      String title,
      String body,
      List<String> gaps) {}

  private final List<Template> templates;

  /**
   * @throws IllegalArgumentException listing every problem: a duplicate id, a kind other than REPLY
   *     or INFORMATION_REQUEST, a missing field, an unknown placeholder
   */
  public ReplyTemplates(List<Template> templates) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Template t : templates) {
      String name = t.id() == null ? "a template without id" : "template " + t.id();
      if (t.id() != null && !ids.add(t.id())) {
        problems.add(name + " appears twice");
      }
      if (blank(t.type()) || blank(t.language()) || blank(t.title()) || blank(t.body())) {
        problems.add(name + " needs type, language, title and body");
      }
      if (!KINDS.contains(t.kind())) {
        problems.add(name + ": kind '" + t.kind() + "' is not one of " + new TreeSet<>(KINDS));
      }
      if (t.body() != null) {
        Matcher m = PLACEHOLDER.matcher(t.body());
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            problems.add(
                name
                    + ": unknown placeholder {"
                    + m.group(1)
                    + "} (known: "
                    + new TreeSet<>(PLACEHOLDERS)
                    + ")");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "resolution.reply-templates has problems: " + String.join("; ", problems));
    }
    this.templates = List.copyOf(templates);
  }

  /** The languages there are templates in. */
  public Set<String> languages() {
    Set<String> languages = new TreeSet<>();
    templates.forEach(t -> languages.add(t.language()));
    return languages;
  }

  /**
   * The drafts for a case in a language: the templates of its types in the case's order (main type
   * first), then the general ones, each filled with {@code values} (null or blank: a gap).
   */
  public List<Draft> drafts(List<String> caseTypes, String language, Map<String, String> values) {
    Set<String> types = new LinkedHashSet<>(caseTypes);
    types.add("general");
    List<Draft> drafts = new ArrayList<>();
    for (String type : types) {
      for (Template t : templates) {
        if (t.type().equals(type) && t.language().equals(language)) {
          drafts.add(fill(t, values));
        }
      }
    }
    return drafts;
  }

  static Draft fill(Template t, Map<String, String> values) {
    Set<String> gaps = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(t.body());
    StringBuilder body = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        gaps.add(m.group(1));
        value = "[" + m.group(1) + "]";
      }
      m.appendReplacement(body, Matcher.quoteReplacement(value));
    }
    m.appendTail(body);
    return new Draft(
        t.id(),
        t.type(),
        t.kind(),
        t.language(),
        t.title(),
        body.toString().strip(),
        List.copyOf(gaps));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
