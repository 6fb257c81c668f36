/**
 * Cycle history: what each cycle knew, predicted and did, and the user's rating of the toast, kept
 * in an embedded SQLite database ({@link com.smarttoaster.history.SqliteCycleHistory}, in memory
 * for tests) and exported as CSV ({@link com.smarttoaster.history.CycleRecordCsv}); and the outbox
 * of events waiting for the MQTT broker ({@link com.smarttoaster.history.EventOutbox}). Rated
 * cycles feed the next training set ({@link com.smarttoaster.dataset.FeedbackToTrainingRows}).
 */
package com.smarttoaster.history;
