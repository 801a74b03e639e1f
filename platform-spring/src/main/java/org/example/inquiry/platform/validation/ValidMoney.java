package org.example.inquiry.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An amount in an ISO 4217 currency in circulation, no finer than the currency's minor unit and
 * within the platform's bound ({@code schemas Currencies}). The violation names the field at fault.
 */
@Documented
@Constraint(validatedBy = ValidMoneyValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidMoney {

  String message() default "must be an amount in an ISO 4217 currency";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
