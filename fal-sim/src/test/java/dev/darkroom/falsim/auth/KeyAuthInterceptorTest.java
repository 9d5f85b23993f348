package dev.darkroom.falsim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyAuthInterceptorTest {

    @Test
    void onlyKeyIdColonSecretIsWellFormed() {
        assertThat(KeyAuthInterceptor.wellFormedKey("Key a:b")).isEqualTo("a:b");
        assertThat(KeyAuthInterceptor.wellFormedKey("key a:b")).isEqualTo("a:b");
        assertThat(KeyAuthInterceptor.wellFormedKey("Key a:b:c")).isEqualTo("a:b:c");
        assertThat(KeyAuthInterceptor.wellFormedKey("Key ab")).isNull();
        assertThat(KeyAuthInterceptor.wellFormedKey("Key a: b")).isNull();
        assertThat(KeyAuthInterceptor.wellFormedKey("Basic a:b")).isNull();
    }
}
