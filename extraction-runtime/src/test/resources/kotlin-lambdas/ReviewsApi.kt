// The contract ReviewBeans.kt's beans use; its class file is left out, as a missing contract's is.
package shop

interface ReviewsApi {
    fun list(): String
}
