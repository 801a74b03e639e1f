package org.example.inquiry.intake.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import org.example.inquiry.schemas.KycStatus;
import org.junit.jupiter.api.Test;

class CustomerCsvTest {

  static final String HEADER = String.join(",", CustomerCsv.HEADER);

  @Test
  void readsCustomersWithListsMoneyAndDates() {
    String csv =
        HEADER
            + "\nC-1001,\"Acme Industrial Supplies, Ltd\",ENTERPRISE,NA,Dana Ortiz;Lee Park,"
            + "Dana.Ortiz@acme.example;lee.park@acme.example,acme.example,VERIFIED,2027-06-30,am.jsmith,"
            + "500000.00,USD,2400000.00,USD,9,LOW\n";

    CustomerCsv.Result result = CustomerCsv.read(new StringReader(csv), Instant.EPOCH);

    assertThat(result.problems()).isEmpty();
    var acme = result.customers().get(0);
    assertThat(acme.getLegalName()).isEqualTo("Acme Industrial Supplies, Ltd");
    assertThat(acme.getContacts()).hasSize(2);
    assertThat(acme.getContacts().get(0).getEmail()).isEqualTo("dana.ortiz@acme.example");
    assertThat(acme.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(acme.getCreditLimit().getAmount()).isEqualByComparingTo("500000");
    assertThat(acme.getAcquisitionCostPaybackMonths()).isEqualTo(9);
  }

  @Test
  void reportsEveryBadLineAndImportsNothing() {
    String csv =
        HEADER
            + "\nC-1,Good,SMB,NA,,,good.example,VERIFIED,,,,,,,,LOW"
            + "\nC-2,Bad kyc,SMB,NA,,,bad.example,MAYBE,,,,,,,,LOW"
            + "\nC-3,Bad money,SMB,NA,,,m.example,PENDING,,,12.345678,USD,,,,"
            + "\nC-1,Dup,SMB,NA,,,dup.example,PENDING,,,,,,,,\n";

    CustomerCsv.Result result = CustomerCsv.read(new StringReader(csv), Instant.EPOCH);

    assertThat(result.customers()).isEmpty();
    assertThat(result.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("line 3").contains("kycStatus 'MAYBE'"))
        .anySatisfy(p -> assertThat(p).contains("line 4").contains("creditLimit"))
        .anySatisfy(p -> assertThat(p).contains("duplicate customerId C-1"));
  }

  @Test
  void aFileWithoutTheExpectedHeaderIsRefused() {
    assertThat(CustomerCsv.read(new StringReader("a,b\n1,2\n"), Instant.EPOCH).problems())
        .singleElement()
        .asString()
        .contains("header lacks columns");
  }
}
