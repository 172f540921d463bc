import java.util.Properties

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("com.google.gms.google-services")
    id("io.sentry.android.gradle") version "4.3.1"
}

val localProps = Properties().apply {
    val f = rootProject.file("local.properties")
    if (f.exists()) f.inputStream().use { load(it) }
}

android {
    namespace = "io.kestrel.driver"
    compileSdk = 34

    defaultConfig {
        applicationId = "io.kestrel.driver"
        minSdk = 26
        targetSdk = 34
        versionCode = 4120
        versionName = "4.12.0"
        manifestPlaceholders["MAPS_API_KEY"] = localProps.getProperty("MAPS_API_KEY", "")
        buildConfigField("String", "DISPATCH_BASE_URL", "\"https://api.kestrel.io/dispatch/\"")
        buildConfigField("String", "TELEMETRY_KEY", "\"@@hex32@@\"")
    }

    signingConfigs {
        create("release") {
            storeFile = file(providers.gradleProperty("KESTREL_UPLOAD_STORE_FILE").get())
            storePassword = providers.gradleProperty("KESTREL_UPLOAD_STORE_PASSWORD").get()
            keyAlias = providers.gradleProperty("KESTREL_UPLOAD_KEY_ALIAS").get()
            keyPassword = providers.gradleProperty("KESTREL_UPLOAD_KEY_PASSWORD").get()
        }
        getByName("debug") {
            storeFile = file("debug.keystore")
            storePassword = "android"
            keyAlias = "androiddebugkey"
            keyPassword = "android"
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            signingConfig = signingConfigs.getByName("release")
        }
        create("qa") {
            initWith(getByName("debug"))
            buildConfigField("String", "QA_BACKDOOR_TOKEN", "\"@@jwt@@\"")
        }
    }
}

sentry {
    org.set("kestrel")
    projectName.set("driver-app")
    authToken.set(System.getenv("SENTRY_AUTH_TOKEN"))
}

repositories {
    maven {
        url = uri("https://maven.pkg.github.com/kestrel/design-system")
        credentials {
            username = project.findProperty("gpr.user") as String? ?: System.getenv("GPR_USER")
            password = project.findProperty("gpr.key") as String? ?: System.getenv("GPR_TOKEN")
        }
    }
}
