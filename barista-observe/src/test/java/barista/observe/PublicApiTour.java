package barista.observe;

import barista.Barista;
import io.micrometer.core.instrument.MeterRegistry;

/** Compile-only: calls every public member of this module, so an API break fails the build. */
final class PublicApiTour {
    private PublicApiTour() {
    }

    static void tour(Barista app) {
        Metrics metrics = Metrics.of(app);
        MeterRegistry registry = metrics.registry();
        String text = metrics.scrape();
        String enabled = ObserveExtension.ENABLED;
        String path = ObserveExtension.PATH;
        String defaultPath = ObserveExtension.DEFAULT_PATH;
        new ObserveExtension().install(app);
        System.out.println(registry + text + enabled + path + defaultPath);
    }
}
