package org.example.inquiry.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.example.inquiry.schemas.money.Currencies;

/** Checks a {@link MoneyInput} with {@link Currencies#problem}. */
public final class ValidMoneyValidator implements ConstraintValidator<ValidMoney, MoneyInput> {

  @Override
  public boolean isValid(MoneyInput value, ConstraintValidatorContext context) {
    if (value == null || value.currency() == null) {
      return true; // @NotNull / @NotBlank on the fields say what is missing
    }
    String problem = Currencies.problem(value.amount(), value.currency());
    if (problem == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(escape(problem))
        .addPropertyNode(Currencies.isAccepted(value.currency()) ? "amount" : "currency")
        .addConstraintViolation();
    return false;
  }

  /** The message quotes client input: no expression language or parameter may come from it. */
  private static String escape(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
