package io.tieout.api.auth;

import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenStoreTest {
    private static final String ENV_TOKEN = "env-supplied-owner-token-0123456789abcdef";

    @TempDir
    Path dir;
    DuckDbWarehouse warehouse;
    TokenStore tokens;

    @BeforeEach
    void open() {
        warehouse = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        tokens = new TokenStore(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aCreatedTokenIs32RandomBytesInBase64Url() {
        String token = tokens.create(Role.FINANCE, "analyst").token();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.create(Role.FINANCE, "analyst").token()).isNotEqualTo(token);
    }

    @Test
    void aCreatedTokenAuthenticatesWithItsRole() {
        IssuedToken issued = tokens.create(Role.CONTROLLER, "controller laptop");
        assertThat(tokens.authenticate(issued.token())).contains(Role.CONTROLLER);
        assertThat(tokens.authenticate("something else")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void aTokenIsStoredOnlyAsItsSha256Hash() throws Exception {
        IssuedToken issued = tokens.create(Role.OWNER, "owner");
        List<String> cells = allCells();
        assertThat(cells).isNotEmpty().noneMatch(c -> c != null && c.contains(issued.token()));
        assertThat(cells).contains(TokenHashing.sha256Hex(issued.token()));
        assertThat(TokenHashing.sha256Hex(issued.token())).matches("[0-9a-f]{64}");
    }

    @Test
    void aRevokedTokenNoLongerAuthenticatesAndRevokingAgainKeepsTheFirstTime() throws Exception {
        IssuedToken issued = tokens.create(Role.FINANCE, "temp");
        assertThat(tokens.revoke(issued.tokenId())).isTrue();
        assertThat(tokens.authenticate(issued.token())).isEmpty();
        ApiToken first = only(issued.tokenId());
        assertThat(first.active()).isFalse();
        Thread.sleep(5);
        assertThat(tokens.revoke(issued.tokenId())).isTrue();
        assertThat(only(issued.tokenId()).revokedAt()).isEqualTo(first.revokedAt());
    }

    @Test
    void revokingAnUnknownTokenReportsFalse() {
        assertThat(tokens.revoke("tok_unknown")).isFalse();
    }

    @Test
    void listShowsIdsRolesAndLabelsInCreationOrder() {
        IssuedToken a = tokens.create(Role.OWNER, "first");
        IssuedToken b = tokens.create(Role.FINANCE, "second");
        List<ApiToken> list = tokens.list();
        assertThat(list).extracting(ApiToken::tokenId).containsExactly(a.tokenId(), b.tokenId());
        assertThat(list).extracting(ApiToken::role).containsExactly(Role.OWNER, Role.FINANCE);
        assertThat(list.get(0).createdAt()).isNotNull();
        assertThat(list).allMatch(ApiToken::active);
    }

    @Test
    void bootstrapWithTheEnvTokenIsIdempotentAndStoresOnlyItsHash() throws Exception {
        assertThat(tokens.bootstrapOwner(ENV_TOKEN)).isEmpty();
        assertThat(tokens.bootstrapOwner(ENV_TOKEN)).isEmpty();
        assertThat(tokens.list()).hasSize(1);
        assertThat(tokens.authenticate(ENV_TOKEN)).contains(Role.OWNER);
        assertThat(allCells()).noneMatch(c -> c != null && c.contains(ENV_TOKEN));
    }

    @Test
    void bootstrapWithoutEnvGeneratesAnOwnerTokenOnlyOnce() {
        String generated = tokens.bootstrapOwner(null).orElseThrow();
        assertThat(tokens.authenticate(generated)).contains(Role.OWNER);
        assertThat(tokens.bootstrapOwner(null)).isEmpty();
        assertThat(tokens.bootstrapOwner("  ")).isEmpty();
        assertThat(tokens.list()).hasSize(1);
    }

    @Test
    void bootstrapWithoutEnvDoesNothingWhenAnOwnerTokenExists() {
        tokens.create(Role.OWNER, "existing owner");
        assertThat(tokens.bootstrapOwner(null)).isEmpty();
        assertThat(tokens.list()).hasSize(1);
    }

    @Test
    void bootstrapWithoutEnvGeneratesAgainWhenEveryOwnerTokenWasRevoked() {
        IssuedToken owner = tokens.create(Role.OWNER, "lost");
        tokens.create(Role.FINANCE, "not an owner");
        tokens.revoke(owner.tokenId());
        assertThat(tokens.bootstrapOwner(null)).isPresent();
    }

    @Test
    void bootstrapKeepsARevokedEnvTokenRevoked() {
        tokens.bootstrapOwner(ENV_TOKEN);
        tokens.revoke(tokens.list().get(0).tokenId());
        assertThat(tokens.bootstrapOwner(ENV_TOKEN)).isEmpty();
        assertThat(tokens.authenticate(ENV_TOKEN)).isEmpty();
        assertThat(tokens.list()).hasSize(1);
    }

    @Test
    void bootstrapRefusesAShortEnvToken() {
        assertThatThrownBy(() -> tokens.bootstrapOwner("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TokenStore.BOOTSTRAP_ENV)
                .hasMessageNotContaining("short");
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void tokensSurviveReopeningTheWarehouse() {
        IssuedToken issued = tokens.create(Role.FINANCE, "persisted");
        warehouse.close();
        warehouse = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"));
        assertThat(new TokenStore(warehouse).authenticate(issued.token())).contains(Role.FINANCE);
    }

    private ApiToken only(String tokenId) {
        return tokens.list().stream().filter(t -> t.tokenId().equals(tokenId)).findFirst().orElseThrow();
    }

    private List<String> allCells() throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM ops.api_tokens")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) cells.add(rs.getString(i));
            }
        }
        return cells;
    }
}
