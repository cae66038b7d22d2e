package io.tieout.extract.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One direct rate: on {@code date}, 1 unit of {@code from} is {@code rate} units of {@code to}. */
public record FxRate(LocalDate date, String from, String to, BigDecimal rate) {}
