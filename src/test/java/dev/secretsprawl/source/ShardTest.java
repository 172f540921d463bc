package dev.secretsprawl.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {
    @Test
    void shouldParseIndexOverCount() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.ALL.owns("anything")).isTrue();
    }

    @Test
    void shouldExplainBadSpecs() {
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("1 <= I <= N");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("2/4");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("1 <= I <= N");
    }
}
