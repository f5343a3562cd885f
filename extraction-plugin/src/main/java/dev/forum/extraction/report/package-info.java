/**
 * The extraction report: for every module, whether it can be a service of its own now and exactly what blocks it,
 * as text for a person and as JSON for CI (schema: {@code report.schema.json} beside these classes). Pure: it is
 * made from the model and the plans, and written by the {@code report} goal.
 */
package dev.forum.extraction.report;
