package org.example.inquiry.schemas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonIdsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "olga",
        "OLGA",
        "Olga",
        " olga",
        "olga ",
        "\tolga\n",
        "\u00a0olga\u00a0",
        "\u2003olga",
        "ｏｌｇａ",
        "ＯＬＧＡ",
        "ol\u200bga",
        "\u200dolga",
        "olga\u00ad",
        "\u202eolga",
        "\ufeffolga"
      })
  void everySpellingOfOlgaIsOlga(String spelling) {
    assertThat(PersonIds.canonical(spelling)).contains("olga");
    assertThat(PersonIds.same(spelling, "olga")).isTrue();
    assertThat(PersonIds.isAmong(spelling, List.of("ivy", "OLGA"))).isTrue();
  }

  @Test
  void dottedNamesAndMailAddressesKeepTheirPunctuation() {
    assertThat(PersonIds.canonical("AM.JSmith")).contains("am.jsmith");
    assertThat(PersonIds.canonical("Dana.Ortiz@ACME.example")).contains("dana.ortiz@acme.example");
    assertThat(PersonIds.same("ａｍ．ｊｓｍｉｔｈ", "am.jsmith")).isTrue();
  }

  @Test
  void caseFoldingMeetsSharpS() {
    assertThat(PersonIds.same("strauss", "STRAUß")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "ol ga", "olga\u0000", "оlga", "ol\nga", "o/lga", "olga;drop", "olgа"})
  void namesThatAreNoAcceptableIdentityAreRefused(String spelling) {
    assertThat(PersonIds.canonical(spelling)).isEmpty();
  }

  @Test
  void lookAlikeLettersOfOtherScriptsAreOtherPeople() {
    // Cyrillic o (U+043E) is not Latin o: such a principal is refused by canonical() and never
    // equal.
    assertThat(PersonIds.same("\u043elga", "olga")).isFalse();
  }

  @Test
  void nullAndBlankNameNoOne() {
    assertThat(PersonIds.same(null, "olga")).isFalse();
    assertThat(PersonIds.same("", "")).isFalse();
    assertThat(PersonIds.same(" ", "\t")).isFalse();
    assertThat(PersonIds.isAmong("olga", null)).isFalse();
    assertThat(PersonIds.canonicalOrFolded(null)).isNull();
    assertThat(PersonIds.canonicalOrFolded(" AM.JSMITH ")).isEqualTo("am.jsmith");
  }
}
