//! The app's icon (`assets/icon-256.png`, rendered from `packaging/icons/repatriation-watch.svg`
//! by `packaging/icons.sh`): for the window and task bar, and as a picture in the About window.

use eframe::egui;

/// The bundled icon, 256 × 256, as RGBA; `None` only if the bundled PNG were broken.
pub fn icon_data() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png")).ok()
}

/// The icon as a texture for drawing in a window, loaded once.
pub fn icon_texture(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("app-icon");
    if let Some(texture) = ctx.data(|data| data.get_temp::<egui::TextureHandle>(id)) {
        return Some(texture);
    }
    let icon = icon_data()?;
    let size = [usize::try_from(icon.width).ok()?, usize::try_from(icon.height).ok()?];
    let image = egui::ColorImage::from_rgba_unmultiplied(size, &icon.rgba);
    let texture = ctx.load_texture("app-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|data| data.insert_temp(id, texture.clone()));
    Some(texture)
}
