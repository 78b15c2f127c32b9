package com.partnersportal.notification.settlementevents;

import com.partnersportal.notification.mail.Language;

/** A legal entity's name as a recipient reads it: the Arabic one in Arabic mails (the English one if it has none). */
final class EntityName {

    private EntityName() {
    }

    static String in(Language language, String english, String arabic) {
        return language == Language.AR && arabic != null && !arabic.isBlank() ? arabic : english;
    }
}
