/**
 * Cycle history: what each cycle knew, predicted and did, and the user's rating of the toast.
 * Rated cycles feed the next training set ({@link com.smarttoaster.dataset.FeedbackToTrainingRows}).
 * Durable storage (embedded database, MQTT) is a later issue; here records are values, kept in
 * memory or in CSV ({@link com.smarttoaster.history.CycleRecordCsv}).
 */
package com.smarttoaster.history;
