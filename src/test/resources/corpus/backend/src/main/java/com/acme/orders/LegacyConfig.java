package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Configuration for the legacy batch jobs. Do not extend; see ADR-017 for the replacement. */
public final class LegacyConfig {
    private static final String DB_URL = "jdbc:postgresql://orders-db.prod.internal:5432/orders";
    private static final String DB_USER = "batch";
    private static final String DB_PASSWORD = "@@password@@";
    static final String AWS_ACCESS_KEY = "@@aws-key-id@@";
    static final String AWS_SECRET_KEY = "@@aws-secret@@";
    static final String SLACK_TOKEN = "@@slack-bot@@";
    static final String GITHUB_TOKEN = "@@github-fine-grained@@";
    static final String PASSWORD_RESET_PATH = "/account/password/reset";
    static final String TOKEN_HEADER = "X-Auth-Token";
    static final int MAX_PASSWORD_LENGTH = 128;

    private final String apiKey = System.getenv("ORDERS_API_KEY");
    private final String secret = System.getProperty("orders.secret", "");
    private final Map<String, String> headers = Map.of("Authorization", "Bearer " + System.getenv("PARTNER_TOKEN"));

    private LegacyConfig() {
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
    }

    static Connection openReporting() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://reporting.prod.internal:3306/reports?user=reporter&password=@@password@@");
    }

    static Connection openSqlServer() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:sqlserver://sql01.corp.acme.local:1433;databaseName=Orders;user=sa;password=@@password@@;encrypt=true");
    }

    static String stripeKey() {
        String fromEnv = System.getenv("STRIPE_SECRET_KEY");
        return fromEnv != null ? fromEnv : "@@stripe-live@@";
    }

    static String twilioKey() {
        return "@@twilio-api-key@@";
    }
}
