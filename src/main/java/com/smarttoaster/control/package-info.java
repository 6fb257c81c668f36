/**
 * The cycle controller ({@link com.smarttoaster.control.ToastController}): idle, armed, preparing,
 * toasting, done, cancelled, fault.
 *
 * <p>It asks a predictor for the time and the supervisor for heat, and renews the heat lease every
 * tick; it never touches an output itself. It takes validated {@link
 * com.smarttoaster.control.ControllerSettings}, not the config file's records: {@code control} does
 * not import {@code config}, the appliances or the remote side (checked by {@code
 * ArchitectureTest}).
 */
package com.smarttoaster.control;
