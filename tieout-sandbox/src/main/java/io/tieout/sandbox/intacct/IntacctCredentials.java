package io.tieout.sandbox.intacct;

/**
 * What the simulated gateway accepts: the Web Services sender (control block) and the company user
 * (login block). {@link #toString} names the ids but never the passwords.
 */
public record IntacctCredentials(String senderId, String senderPassword, String userId, String userPassword, String companyId) {

    /** The demo's values (the ones tieout.yaml's ${INTACCT_*} fall back to in `tieout demo`). */
    public static IntacctCredentials demo() {
        return new IntacctCredentials("demo_sender", "demo_sender_password", "demo_user", "demo_user_password", "vortex-demo");
    }

    @Override
    public String toString() {
        return "IntacctCredentials[senderId=" + senderId + ", userId=" + userId + ", companyId=" + companyId + " (passwords hidden)]";
    }
}
