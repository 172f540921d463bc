package io.kestrel.driver.net

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object ApiClient {
    private const val BASE_URL = "https://api.kestrel.io/dispatch/"
    private const val AUTH_HEADER = "Authorization"
    private const val API_KEY_HEADER = "X-Kestrel-Api-Key"

    // Driver-app key for the public dispatch API; rate-limited per device, rotated each release.
    private const val API_KEY = "@@base62-secret@@"

    // Shake-to-report uploads go straight to the ops Telegram group.
    private const val TELEGRAM_BOT_TOKEN = "@@telegram-bot@@"
    private const val TELEGRAM_CHAT_ID = "-1001827364501"

    private val authInterceptor = Interceptor { chain ->
        val token = SessionStore.accessToken ?: ""
        chain.proceed(
            chain.request().newBuilder()
                .header(API_KEY_HEADER, API_KEY)
                .header(AUTH_HEADER, "Bearer $token")
                .build()
        )
    }

    val retrofit: Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(OkHttpClient.Builder().addInterceptor(authInterceptor).build())
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    fun telegramUrl(method: String) = "https://api.telegram.org/bot$TELEGRAM_BOT_TOKEN/$method?chat_id=$TELEGRAM_CHAT_ID"
}
