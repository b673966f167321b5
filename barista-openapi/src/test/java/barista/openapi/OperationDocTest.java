package barista.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OperationDocTest {
    private final JsonNode doc = ExampleApp.openApi();

    @Test
    void info_has_the_configured_title_and_version() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Example API");
        assertThat(doc.at("/info/version").asText()).isEqualTo("1.2.3");
    }

    @Test
    void operation_has_its_summary_and_tags() {
        JsonNode predict = doc.at("/paths/~1predict/get");

        assertThat(predict.path("summary").asText()).isEqualTo("Predict");
        assertThat(predict.path("tags").toString()).isEqualTo("[\"models\"]");
    }

    @Test
    void operation_id_defaults_from_method_and_path_unless_declared() {
        assertThat(doc.at("/paths/~1items/post/operationId").asText()).isEqualTo("post_items");
        assertThat(doc.at("/paths/~1items~1{id}/delete/operationId").asText()).isEqualTo("delete_items_id");
        assertThat(doc.at("/paths/~1items~1{id}/put/operationId").asText()).isEqualTo("replaceItem");
    }

    @Test
    void description_and_deprecation_appear_only_when_declared() {
        assertThat(doc.at("/paths/~1items~1{id}/put/description").asText()).isEqualTo("Replaces an item.");
        assertThat(doc.at("/paths/~1search/get/deprecated").asBoolean()).isTrue();
        JsonNode post = doc.at("/paths/~1items/post");
        assertThat(post.has("description")).isFalse();
        assertThat(post.has("deprecated")).isFalse();
        assertThat(post.has("summary")).isFalse();
        assertThat(post.has("tags")).isFalse();
    }

    @Test
    void methods_on_one_path_share_its_path_item() {
        assertThat(doc.at("/paths/~1items~1{id}").fieldNames()).toIterable().containsExactly("put", "delete");
    }
}
