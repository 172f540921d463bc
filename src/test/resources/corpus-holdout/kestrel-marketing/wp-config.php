<?php
/**
 * WordPress configuration for the marketing site (kestrel.io/blog).
 * Staging reads everything from the environment; production was configured by the agency.
 */

// ** Database settings ** //
define( 'DB_NAME', 'kestrel_wp' );
define( 'DB_USER', 'kestrel_wp' );
define( 'DB_PASSWORD', '@@password@@' );
define( 'DB_HOST', 'marketing-mysql.internal.kestrel.io' );
define( 'DB_CHARSET', 'utf8mb4' );

if ( getenv( 'WP_ENV' ) === 'staging' ) {
    define( 'DB_PASSWORD_STAGING', getenv( 'WORDPRESS_DB_PASSWORD' ) );
}

/**#@+
 * Authentication unique keys and salts.
 * Change these to different unique phrases! You can generate these using the
 * {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 */
define( 'AUTH_KEY',         'put your unique phrase here' );
define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );
define( 'AUTH_SALT',        'put your unique phrase here' );
/**#@-*/

// Mailgun plugin (agency set this up, see ticket MKT-88)
define( 'MAILGUN_APIKEY', '@@mailgun@@' );
define( 'MAILGUN_DOMAIN', 'mg.kestrel.io' );

// Offload media to S3
define( 'AS3CF_SETTINGS', serialize( array(
    'provider' => 'aws',
    'access-key-id' => '@@aws-key-id@@',
    'secret-access-key' => '@@aws-secret@@',
) ) );

$table_prefix = 'kwp_';
define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
    define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
