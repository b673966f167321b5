package barista.inference.log;

/**
 * What a bounded CSV export wrote ({@link PredictionLog#writeCsv(PredictionQuery, java.io.Writer, long, long)}).
 *
 * @param rows entries written, newest first
 * @param cut  whether older matching entries were left out because a limit was reached
 */
public record CsvExport(long rows, boolean cut) {
}
