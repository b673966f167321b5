package barista.inference.log;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param items the entries on this page
 * @param next  the cursor for the next (older) page: pass it as {@link PredictionQuery#before};
 *              {@code null} on the last page
 */
public record PredictionPage(List<LoggedPrediction> items, Long next) {
    public PredictionPage {
        items = List.copyOf(items);
    }
}
